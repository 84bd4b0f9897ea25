using System.Collections.Immutable;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// The sacct query for jobs that left squeue (only when accounting storage is configured):
/// allocations only (<c>-X</c>), parsable with the unit separator as delimiter, no header.
/// </summary>
internal static class SacctOutput
{
    public const char Separator = '\u001f';

    public static readonly ImmutableArray<string> Fields = ["JobIDRaw", "JobName", "State", "ExitCode", "NodeList", "Start", "End"];

    public static IEnumerable<string> Arguments(IEnumerable<string> jobIds) =>
        ["-n", "-X", "-P", "--delimiter=" + Separator, "-o", string.Join(',', Fields), "-j", string.Join(',', jobIds)];

    /// <summary>Parses sacct's answer; when a job id appears more than once (requeues) the last line wins.</summary>
    public static Dictionary<string, BatchJobStatus> Parse(string output)
    {
        var jobs = new Dictionary<string, BatchJobStatus>(StringComparer.Ordinal);
        if (output.Length == 0)
        {
            return jobs;
        }

        if (output[^1] != '\n')
        {
            throw new BatchOutputFormatException("sacct output does not end with a newline: truncated; nothing of it was used.");
        }

        var lineNumber = 0;
        foreach (var line in output[..^1].Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(Separator);
            if (fields.Length != Fields.Length)
            {
                throw new BatchOutputFormatException(
                    $"sacct line {lineNumber} has {fields.Length} fields, expected {Fields.Length}; nothing of it was used.");
            }

            jobs[fields[0]] = SlurmValues.Status(
                fields[0], fields[1], fields[2], null, SlurmValues.ExitPair(fields[3]), fields[4], fields[5], fields[6], BatchStatusSource.Accounting);
        }

        return jobs;
    }
}
