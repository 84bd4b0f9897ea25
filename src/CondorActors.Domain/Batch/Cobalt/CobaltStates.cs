namespace CondorActors.Domain.Batch.Cobalt;

/// <summary>
/// Cobalt job states as qstat shows them (cqm job states). Cobalt keeps no history: a finished job
/// simply leaves qstat, so the final states come from the adapter (Vanished). Mirrored in
/// docs/batch-systems.md.
/// </summary>
public static class CobaltStates
{
    public static BatchStateTable Table { get; } = new("cobalt",
    [
        new("queued", BatchJobState.Pending, "Waiting in its queue."),
        new("starting", BatchJobState.Pending, "Resources are being booted for it; the script has not started."),
        new("running", BatchJobState.Running, "Running."),
        new("exiting", BatchJobState.Completing, "The script ended; Cobalt is cleaning up."),
        new("killing", BatchJobState.Completing, "Being deleted (qdel) or killed at its walltime; it will leave the queue."),
        new("user_hold", BatchJobState.Held, "Held by its user (qhold)."),
        new("admin_hold", BatchJobState.Held, "Held by an administrator."),
        new("dep_hold", BatchJobState.Held, "Waiting for jobs it depends on."),
        new("dep_fail", BatchJobState.Held, "A job it depends on failed; it stays held until released or deleted."),
        new("maxrun_hold", BatchJobState.Held, "Held by the queue's limit on running jobs per user."),
    ]);
}
