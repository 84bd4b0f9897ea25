using System.Globalization;
using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Server.Api;

/// <summary>Durations clients send: whole seconds (<c>7200</c>) or a HOCON duration with a unit (<c>2h</c>, <c>90m</c>, <c>1.5h</c>).</summary>
internal static class ApiDurations
{
    /// <summary>False for anything else, including a number without a unit that is not whole seconds (<c>1.5</c>).</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // Far beyond any limit a caller checks, and short of TimeSpan's overflow.
            value = seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            return seconds <= TimeSpan.MaxValue.TotalSeconds / 2;
        }

        value = TimeSpan.Zero;
        return !text.All(c => char.IsAsciiDigit(c) || c == '.') && HoconUnits.TryParseDuration(text, out value);
    }
}
