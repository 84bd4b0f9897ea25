using System.Collections.Immutable;
using System.Globalization;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// The squeue query the adapter runs and its parser. The format is explicit (<c>-O</c> with a
/// suffix after every field: no padding, no truncation) and the suffix is the ASCII unit
/// separator, which cannot appear in job names, comments or node lists we set. Every line must
/// have every field, and the output must end with a newline: anything else is rejected whole.
/// </summary>
internal static class SqueueOutput
{
    public const char Separator = '\u001f';

    /// <summary>exit_code is the raw wait status (768 = exit 3); squeue's -o has no exit code at all.</summary>
    public static readonly ImmutableArray<string> Fields =
        ["JobID", "Name", "State", "Reason", "exit_code", "Comment", "NodeList", "StartTime", "EndTime"];

    public static string FormatArgument { get; } = string.Join(',', Fields.Select(f => f + ":" + Separator));

    /// <summary>Parses squeue's answer and keeps the jobs the tag selects (null: all jobs).</summary>
    public static List<BatchJobStatus> Parse(string output, BatchJobTag? tag)
    {
        var jobs = new List<BatchJobStatus>();
        if (output.Length == 0)
        {
            return jobs;
        }

        if (output[^1] != '\n')
        {
            throw new BatchOutputFormatException("squeue output does not end with a newline: truncated; nothing of it was used.");
        }

        var lineNumber = 0;
        Span<Range> ranges = stackalloc Range[Fields.Length + 2];
        foreach (var line in output.AsSpan(0, output.Length - 1).EnumerateLines())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var count = line.Split(ranges, Separator);
            if (count != Fields.Length + 1 || line[ranges[Fields.Length]].Length != 0)
            {
                throw new BatchOutputFormatException(
                    $"squeue line {lineNumber} has {count - 1} fields, expected {Fields.Length}: truncated or not the requested format; nothing of it was used.");
            }

            var name = line[ranges[1]].ToString();
            var comment = SlurmValues.Text(line[ranges[5]].ToString());
            if (tag is not null && !tag.Matches(name, comment))
            {
                continue;
            }

            var jobId = line[ranges[0]].ToString();
            if (jobId.Length == 0 ||
                !int.TryParse(line[ranges[4]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var waitStatus))
            {
                throw new BatchOutputFormatException($"squeue line {lineNumber} has no job id or a non-numeric exit_code.");
            }

            var (exit, signal) = WaitStatus.Decode(waitStatus);
            jobs.Add(SlurmValues.Status(
                jobId,
                name,
                line[ranges[2]].ToString(),
                line[ranges[3]].ToString(),
                (exit, signal),
                line[ranges[6]].ToString(),
                line[ranges[7]].ToString(),
                line[ranges[8]].ToString(),
                BatchStatusSource.Queue));
        }

        return jobs;
    }
}
