using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// Sorts a failed Slurm command into "the controller did not answer" (transient) and "the
/// controller answered no" (permanent), from the messages Slurm's client API prints.
/// </summary>
internal static class SlurmErrors
{
    // Printed when the request never reached slurmctld: nothing can have happened.
    private static readonly string[] NotSent =
    [
        "Unable to contact slurm controller",
        "connect failure",
        "Connection refused",
        "Munge encode failed",
        "munge",
        "backup controller in standby",
        "Transport endpoint is not connected",
        "Slurm temporarily unable",
        "Resource temporarily unavailable",
    ];

    // Printed when the request may have reached slurmctld before the answer was lost.
    private static readonly string[] MaybeSent =
    [
        "Socket timed out",
        "Zero Bytes were transmitted",
        "Connection timed out",
        "Communication connection failure",
        "Connection reset",
    ];

    public static bool IsInvalidJobId(string stderr) => stderr.Contains("Invalid job id specified", StringComparison.Ordinal);

    public static Exception Classify(ProcessResult result, string what)
    {
        var stderr = result.StandardError.Trim();
        var failure = new ProcessExitException(result);
        if (MaybeSent.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return new BatchSystemUnavailableException($"Slurm did not answer {what}: {stderr}", failure, mayHaveTakenEffect: true);
        }

        // slurm_load_jobs error: <reason> is squeue's and scontrol's generic wrapper; only an
        // invalid job id is an answer, every other reason means the controller is not serving.
        if (NotSent.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase)) ||
            (stderr.Contains("slurm_load_jobs error", StringComparison.Ordinal) && !IsInvalidJobId(stderr)))
        {
            return new BatchSystemUnavailableException($"Slurm controller unavailable for {what}: {stderr}", failure);
        }

        return new BatchCommandException($"Slurm refused {what} (exit {result.ExitCode}): {stderr}", failure);
    }
}
