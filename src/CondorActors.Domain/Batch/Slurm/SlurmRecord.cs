namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// Parses Slurm's one-line <c>Key=Value Key=Value</c> records: <c>scontrol show job -o</c> and
/// the jobcomp/filetxt log. Values may contain spaces (WorkDir, Comment), so a space starts a new
/// pair only when the next word looks like <c>Key=</c>.
/// </summary>
internal static class SlurmRecord
{
    public static Dictionary<string, string> Parse(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var value = new System.Text.StringBuilder();
        foreach (var word in line.Split(' '))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsKey(word.AsSpan(0, equals)))
            {
                Flush();
                key = word[..equals];
                value.Append(word.AsSpan(equals + 1));
            }
            else if (key is not null)
            {
                value.Append(' ').Append(word);
            }
        }

        Flush();
        return fields;

        void Flush()
        {
            if (key is not null)
            {
                // A record may end with a space (scontrol does): drop what that adds.
                fields[key] = value.ToString().TrimEnd();
            }

            value.Clear();
        }
    }

    /// <summary>Builds a status from a record of scontrol (JobName) or jobcomp (Name).</summary>
    public static BatchJobStatus ToStatus(IReadOnlyDictionary<string, string> fields, BatchStatusSource source)
    {
        if (!fields.TryGetValue("JobId", out var jobId) || !fields.TryGetValue("JobState", out var state))
        {
            throw new BatchOutputFormatException("Slurm job record has no JobId or JobState: truncated or not a job record.");
        }

        return SlurmValues.Status(
            jobId,
            fields.GetValueOrDefault("JobName") ?? fields.GetValueOrDefault("Name"),
            state,
            fields.GetValueOrDefault("Reason"),
            SlurmValues.ExitPair(fields.GetValueOrDefault("ExitCode")),
            fields.GetValueOrDefault("NodeList"),
            fields.GetValueOrDefault("StartTime"),
            fields.GetValueOrDefault("EndTime"),
            source);
    }

    private static bool IsKey(ReadOnlySpan<char> word)
    {
        if (!char.IsAsciiLetterUpper(word[0]) && !char.IsAsciiLetterLower(word[0]))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '/' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
