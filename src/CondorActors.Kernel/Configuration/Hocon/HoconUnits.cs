using System.Globalization;

namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// HOCON.md units format: optional whitespace, a number, optional whitespace, an optional unit
/// made of letters. Durations default to milliseconds, sizes to bytes.
/// </summary>
public static class HoconUnits
{
    private static readonly Dictionary<string, decimal> TicksPerDurationUnit = BuildDurationUnits();
    private static readonly Dictionary<string, decimal> BytesPerSizeUnit = BuildSizeUnits();

    /// <summary>The duration units accepted, for messages.</summary>
    public const string DurationUnitsText = "ns, us, ms, s, m, h, d (or their long names)";

    /// <summary>Parses <c>5 s</c>, <c>10m</c>, <c>1.5h</c>, <c>250</c> (milliseconds).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        if (!TicksPerDurationUnit.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticksPerUnit))
        {
            return false;
        }

        try
        {
            var ticks = decimal.Round(number * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
            {
                return false;
            }

            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Parses <c>512 MiB</c>, <c>10kB</c>, <c>1.5G</c>, <c>4096</c> (bytes) into bytes.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        if (!TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        if (!BytesPerSizeUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var perUnit))
        {
            return false;
        }

        try
        {
            var value = decimal.Truncate(number * perUnit);
            if (value > long.MaxValue || value < long.MinValue)
            {
                return false;
            }

            bytes = (long)value;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TrySplit(string text, out decimal number, out string unit)
    {
        var s = text.AsSpan().Trim();
        var end = s.Length;
        while (end > 0 && char.IsLetter(s[end - 1]))
        {
            end--;
        }

        unit = s[end..].ToString();
        var numberText = s[..end].TrimEnd();
        return decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)
            && numberText.Length > 0;
    }

    private static Dictionary<string, decimal> BuildDurationUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        // Case-sensitive and lowercase only (HOCON.md, duration format).
        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }

    private static Dictionary<string, decimal> BuildSizeUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in new[] { "B", "b", "byte", "bytes" })
        {
            units[name] = 1;
        }

        // HOCON.md, size in bytes: powers of ten (kB, MB, ...) and powers of two (K, Ki, KiB, ...).
        string[] ten = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] tenLong = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] two = ["K", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] twoLong = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        decimal powerOfTen = 1;
        decimal powerOfTwo = 1;
        for (var i = 0; i < ten.Length; i++)
        {
            powerOfTen *= 1000;
            powerOfTwo *= 1024;
            units[ten[i] + "B"] = powerOfTen;
            units[tenLong[i] + "byte"] = powerOfTen;
            units[tenLong[i] + "bytes"] = powerOfTen;
            var upper = two[i];
            units[upper] = powerOfTwo;
            units[upper.ToLowerInvariant()] = powerOfTwo;
            units[upper + "i"] = powerOfTwo;
            units[upper + "iB"] = powerOfTwo;
            units[twoLong[i] + "byte"] = powerOfTwo;
            units[twoLong[i] + "bytes"] = powerOfTwo;
        }

        return units;
    }
}
