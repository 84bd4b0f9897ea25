using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Server.Security;

/// <summary>Parses a token lifetime such as <c>30d</c>, <c>12h</c>, <c>90m</c>; a unit is required (a bare number is ambiguous).</summary>
internal static class TokenLifetime
{
    public static bool TryParse(string? text, out TimeSpan? lifetime, out string? error)
    {
        lifetime = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() is "never" or "none")
        {
            return true;
        }

        if (text.Trim().All(char.IsAsciiDigit) || !HoconUnits.TryParseDuration(text, out var span) || span <= TimeSpan.Zero)
        {
            error = $"Invalid expiry '{text}': give a positive duration with a unit, e.g. 30d, 12h, 90m.";
            return false;
        }

        lifetime = span;
        return true;
    }
}
