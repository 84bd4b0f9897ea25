namespace CondorActors.Domain.Batch;

/// <summary>
/// A batch job's state normalized across batch systems. The raw state string is always kept
/// beside it (<see cref="BatchJobStatus.RawState"/>); the per-system tables are in
/// <c>docs/batch-systems.md</c> and in each adapter's <c>...States</c> class.
/// </summary>
public enum BatchJobState
{
    /// <summary>Queued, waiting for resources or a start time; will run without intervention.</summary>
    Pending,

    /// <summary>Executing on its nodes.</summary>
    Running,

    /// <summary>The script ended; the batch system is still cleaning up (epilogs, stage-out).</summary>
    Completing,

    /// <summary>Ended with exit code 0.</summary>
    Completed,

    /// <summary>Ended with a non-zero exit code or a launch failure.</summary>
    Failed,

    /// <summary>Removed by a user or an administrator.</summary>
    Cancelled,

    /// <summary>Killed at its time limit (or deadline).</summary>
    Timeout,

    /// <summary>Ended because a node it ran on (or booted) failed.</summary>
    NodeFail,

    /// <summary>Preempted by a higher-priority job and not requeued.</summary>
    Preempted,

    /// <summary>Killed for exceeding its memory.</summary>
    OutOfMemory,

    /// <summary>Will not run or continue until someone releases it (held, suspended, stopped).</summary>
    Held,

    /// <summary>
    /// Known to the controller but no longer known to the batch system, and no record says how
    /// it ended. Never assumed to be Completed: the outcome is unknown, the job is gone.
    /// </summary>
    Vanished,

    /// <summary>A raw state this adapter does not know; the raw string is kept.</summary>
    Unknown,
}
