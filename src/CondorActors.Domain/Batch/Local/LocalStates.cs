namespace CondorActors.Domain.Batch.Local;

/// <summary>The local adapter's states, as written in each job's folder. Mirrored in docs/batch-systems.md.</summary>
public static class LocalStates
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Timeout = "TIMEOUT";

    public static BatchStateTable Table { get; } = new("local",
    [
        new(Pending, BatchJobState.Pending, "Queued by this adapter; waits for one of MaxRunning slots."),
        new(Running, BatchJobState.Running, "Its process is alive (pid and start time match)."),
        new(Completed, BatchJobState.Completed, "Exit file says 0."),
        new(Failed, BatchJobState.Failed, "Exit file says non-zero."),
        new(Cancelled, BatchJobState.Cancelled, "Cancelled through the adapter; its process tree was killed."),
        new(Timeout, BatchJobState.Timeout, "Killed by the adapter at its walltime."),
    ]);
}
