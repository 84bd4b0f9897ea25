namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// Parses <c>condor_config_val</c>'s text (8.7 has no <c>-json</c> for it): one value per line for
/// names, "NAME = value" lines with '#' comments for a dump.
/// </summary>
internal static class CondorConfigOutput
{
    private const string NotDefinedPrefix = "Not defined:";

    /// <summary>
    /// Values of <paramref name="names"/>. The tool prints the values of the defined names in order,
    /// one per line, and "Not defined: NAME" on stderr for each other one (then exits 1), so the
    /// defined names are matched to the lines in order.
    /// </summary>
    public static (Dictionary<string, string> Values, List<string> Undefined) ParseValues(IReadOnlyList<string> names, string stdout, string stderr)
    {
        var undefinedNames = new HashSet<string>(
            Lines(stderr)
                .Where(line => line.StartsWith(NotDefinedPrefix, StringComparison.Ordinal))
                .Select(line => line[NotDefinedPrefix.Length..].Trim()),
            StringComparer.OrdinalIgnoreCase);
        var undefined = names.Where(undefinedNames.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var defined = names.Where(name => !undefinedNames.Contains(name)).ToList();
        var lines = Lines(stdout).ToList();
        if (lines.Count != defined.Count)
        {
            throw new FormatException($"condor_config_val printed {lines.Count} values for {defined.Count} defined names");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < defined.Count; i++)
        {
            values[defined[i]] = lines[i];
        }

        return (values, undefined);
    }

    /// <summary>Every "NAME = value" line of a dump; comments ('#') and blank lines are skipped.</summary>
    public static Dictionary<string, string> ParseDump(string stdout)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines(stdout))
        {
            if (line.Length == 0 || line[0] == '#' || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return values;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        // The text ends with a newline: the empty piece after it is not a line.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return lines.Take(count);
    }
}
