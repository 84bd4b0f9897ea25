namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// Every Slurm job state (slurm.h <c>job_state_string</c>, squeue(1) "JOB STATE CODES") and what
/// it means for a glidein. Mirrored in docs/batch-systems.md.
/// </summary>
public static class SlurmStates
{
    public static BatchStateTable Table { get; } = new("slurm",
    [
        new("PENDING", BatchJobState.Pending, "Queued, waiting for resources, priority or a begin time."),
        new("CONFIGURING", BatchJobState.Pending, "Allocated, nodes still booting/configuring; the script has not started."),
        new("RUNNING", BatchJobState.Running, "Executing."),
        new("RESIZING", BatchJobState.Running, "Its allocation is changing size; still executing."),
        new("SIGNALING", BatchJobState.Running, "Being sent a signal; still executing."),
        new("COMPLETING", BatchJobState.Completing, "Script ended; epilogs and cleanup still running on some nodes."),
        new("STAGE_OUT", BatchJobState.Completing, "Script ended; burst-buffer stage-out in progress."),
        new("COMPLETED", BatchJobState.Completed, "Ended with exit code 0 on all nodes."),
        new("FAILED", BatchJobState.Failed, "Ended with a non-zero exit code or another failure (e.g. launch failure)."),
        new("CANCELLED", BatchJobState.Cancelled, "Cancelled by a user or an administrator (scancel)."),
        new("REVOKED", BatchJobState.Cancelled, "Federation: this sibling was revoked because another cluster started the job; it will not run here."),
        new("TIMEOUT", BatchJobState.Timeout, "Killed at its time limit."),
        new("DEADLINE", BatchJobState.Timeout, "Killed (or never started) because its --deadline passed."),
        new("NODE_FAIL", BatchJobState.NodeFail, "Ended because an allocated node failed."),
        new("BOOT_FAIL", BatchJobState.NodeFail, "Ended because a node failed to boot."),
        new("PREEMPTED", BatchJobState.Preempted, "Ended by preemption and not requeued."),
        new("OUT_OF_MEMORY", BatchJobState.OutOfMemory, "Killed by the out-of-memory handler."),
        new("REQUEUED", BatchJobState.Pending, "Being requeued; it will be pending again."),
        new("REQUEUE_FED", BatchJobState.Pending, "Federation: being requeued on a sibling cluster."),
        new("REQUEUE_HOLD", BatchJobState.Held, "Requeued and held; runs only after a release."),
        new("SPECIAL_EXIT", BatchJobState.Held, "Requeued in the special-exit state (held); runs only after a release."),
        new("RESV_DEL_HOLD", BatchJobState.Held, "Held because its reservation was deleted."),
        new("SUSPENDED", BatchJobState.Held, "Allocation kept but execution suspended and CPUs released; resumes only when told."),
        new("STOPPED", BatchJobState.Held, "Execution stopped with SIGSTOP, CPUs retained; continues only when told."),
    ]);

    /// <summary>
    /// Maps a raw state and reason. A PENDING job held by a user or an administrator (reason
    /// JobHeldUser / JobHeldAdmin) is <see cref="BatchJobState.Held"/>: it will not start by itself.
    /// sacct's "CANCELLED by 0" keeps only its first word.
    /// </summary>
    public static BatchJobState Map(string rawState, string? reason = null)
    {
        var state = Table.Map(FirstWord(rawState));
        return state == BatchJobState.Pending && FirstWord(rawState) == "PENDING" && reason is not null &&
            reason.StartsWith("JobHeld", StringComparison.Ordinal)
            ? BatchJobState.Held
            : state;
    }

    private static string FirstWord(string raw)
    {
        var trimmed = raw.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? trimmed : trimmed[..space];
    }
}
