using System.Globalization;

namespace CondorActors.Server.Hosting;

/// <summary>
/// Reads settings as the HOCON reference writes them: durations <c>250ms</c>, <c>5s</c>, <c>10m</c>,
/// <c>1.5h</c>, <c>1d</c> (a bare number is milliseconds; <c>hh:mm:ss</c> also works), booleans
/// <c>on/off/true/false/yes/no</c>, lists as arrays or comma-separated text. A bad value throws at
/// start-up naming the key, never later.
/// </summary>
internal static class ConfigValues
{
    public static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        var units = new (string Suffix, double Milliseconds)[] { ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000) };
        foreach (var (suffix, milliseconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0)
            {
                return TimeSpan.FromMilliseconds(amount * milliseconds);
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare) && bare >= 0)
        {
            return TimeSpan.FromMilliseconds(bare);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new InvalidOperationException($"Setting '{key}' = '{text}' is not a duration (e.g. 250ms, 5s, 10m).");
    }

    public static int Integer(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key]?.Trim();
        return string.IsNullOrEmpty(text)
            ? fallback
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"Setting '{key}' = '{text}' is not an integer.");
    }

    public static bool Boolean(IConfiguration configuration, string key, bool fallback)
    {
        var text = configuration[key]?.Trim().ToLowerInvariant();
        return text switch
        {
            null or "" => fallback,
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw new InvalidOperationException($"Setting '{key}' = '{text}' is not a boolean (on/off)."),
        };
    }

    public static string? Text(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

    /// <summary>An array (<c>key:0</c>, <c>key:1</c>, ...) or one comma/space-separated value.</summary>
    public static IReadOnlyList<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(child => child.Value).Where(value => value is not null).ToList();
        if (items.Count == 0 && section.Value is { } single)
        {
            items.Add(single);
        }

        return items
            .SelectMany(item => item!.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }
}
