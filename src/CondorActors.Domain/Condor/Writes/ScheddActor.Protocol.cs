using CondorActors.Domain.Condor.Submit;

namespace CondorActors.Domain.Condor.Writes;

internal sealed partial class ScheddActor
{
    /// <summary>Run one condor_submit for the description; the reply completes with the queued jobs or the gateway's error.</summary>
    public sealed record SubmitJobs(SubmitDescription Description, TaskCompletionSource<SubmittedJobs> Reply);

    /// <summary>Remove, hold, release or vacate the target's jobs.</summary>
    public sealed record ActOnJobs(JobAction Action, JobTarget Target, string? Reason, TaskCompletionSource<JobActionResult> Reply);

    /// <summary>Counters, for tests and diagnostics.</summary>
    public sealed record GetScheddStats(TaskCompletionSource<ScheddStats> Reply);

    public sealed record ScheddStats(long Submits, long Actions, int Running, int Queued, int MaxRunningSeen);

    /// <summary>A command's task ended (told by the task itself).</summary>
    private sealed record CommandFinished(long Id);
}
