using System.Globalization;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>How Slurm's commands print absent values, times and exit codes.</summary>
internal static class SlurmValues
{
    /// <summary>Null for Slurm's spellings of "nothing": empty, (null), N/A, None, NONE, Unknown.</summary>
    public static string? Text(string? value) =>
        value is null or "" or "(null)" or "N/A" or "None" or "NONE" or "Unknown" or "n/a" ? null : value;

    /// <summary>Slurm prints times in the controller's local time without an offset (yyyy-MM-ddTHH:mm:ss).</summary>
    public static DateTimeOffset? Time(string? value)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local)
            ? new DateTimeOffset(local)
            : null;
    }

    /// <summary>Parses "exit:signal" (scontrol, sacct, jobcomp: "3:0", "0:15").</summary>
    public static (int? ExitCode, int? Signal) ExitPair(string? value)
    {
        if (Text(value) is not { } text)
        {
            return (null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var exit) ||
            !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var signal))
        {
            throw new BatchOutputFormatException($"Slurm exit code '{text}' is not of the form exit:signal.");
        }

        return (exit, signal == 0 ? null : signal);
    }

    /// <summary>Builds a status from Slurm's fields; exit code, signal and end time only for a job that ended.</summary>
    public static BatchJobStatus Status(
        string jobId, string? name, string rawState, string? reason, (int? Exit, int? Signal) exit,
        string? nodes, string? start, string? end, BatchStatusSource source)
    {
        var state = SlurmStates.Map(rawState, Text(reason));
        var ended = state.IsFinal();
        var started = state is not (BatchJobState.Pending or BatchJobState.Held or BatchJobState.Unknown);
        return new BatchJobStatus(jobId, state, rawState)
        {
            Name = Text(name),
            Reason = Text(reason),
            ExitCode = ended ? exit.Exit : null,
            Signal = ended ? exit.Signal : null,
            NodeList = Text(nodes),

            // A pending job's StartTime is only the scheduler's estimate, a running job's EndTime its limit.
            StartTime = started ? Time(start) : null,
            EndTime = ended ? Time(end) : null,
            Source = source,
        };
    }
}
