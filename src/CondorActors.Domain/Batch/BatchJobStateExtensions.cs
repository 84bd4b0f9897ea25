namespace CondorActors.Domain.Batch;

public static class BatchJobStateExtensions
{
    /// <summary>
    /// True when the job will never run (again) by itself: it ended, was removed, or vanished.
    /// Pending, Running, Completing, Held and Unknown are not final: an unknown raw state is
    /// never taken as the end of a job.
    /// </summary>
    public static bool IsFinal(this BatchJobState state) => state is
        BatchJobState.Completed or BatchJobState.Failed or BatchJobState.Cancelled or BatchJobState.Timeout or
        BatchJobState.NodeFail or BatchJobState.Preempted or BatchJobState.OutOfMemory or BatchJobState.Vanished;
}
