namespace CondorActors.Domain.Condor.Writes;

internal sealed partial class SubmissionLedger
{
    /// <summary>
    /// A request with an Idempotency-Key is about to submit. The reply says what to do; when it is
    /// <see cref="Proceed"/>, the intent is already durable.
    /// </summary>
    public sealed record BeginSubmission(string Key, string BodyHash, string RequestId, TaskCompletionSource<LedgerDecision> Reply);

    /// <summary>The submission of <paramref name="Key"/> ended; <paramref name="Outcome"/> null means "unknown" (a failure after which the schedd may or may not have the jobs).</summary>
    public sealed record FinishSubmission(string Key, string RequestId, LedgerOutcome? Outcome);

    /// <summary>Counters, for tests.</summary>
    public sealed record GetLedgerStats(TaskCompletionSource<LedgerStats> Reply);

    public sealed record LedgerStats(int Entries, long LastSequenceNr);

    /// <summary>What the caller of <see cref="BeginSubmission"/> must do.</summary>
    public abstract record LedgerDecision;

    /// <summary>First time: submit with this request id, then finish.</summary>
    public sealed record Proceed(string RequestId) : LedgerDecision;

    /// <summary>An earlier attempt's outcome is unknown: look for this request id at the schedd before submitting again, then finish.</summary>
    public sealed record Recover(string RequestId) : LedgerDecision;

    /// <summary>Answered before: return this outcome again.</summary>
    public sealed record Replay(string RequestId, LedgerOutcome Outcome) : LedgerDecision;

    /// <summary>Another request (in flight with the same key) ended in an unknown state: fail like it did.</summary>
    public sealed record Unsettled(string RequestId) : LedgerDecision;

    /// <summary>The key was used with another body.</summary>
    public sealed record KeyReused : LedgerDecision
    {
        public static readonly KeyReused Instance = new();
    }

    /// <summary>A settled submission: its jobs, or condor_submit's rejection.</summary>
    public sealed record LedgerOutcome(int? Cluster, int? FirstProc, int? LastProc, string? Rejection)
    {
        public static LedgerOutcome Submitted(SubmittedJobs jobs) => new(jobs.Cluster, jobs.FirstProc, jobs.LastProc, null);

        public static LedgerOutcome Rejected(string reason) => new(null, null, null, reason);

        public SubmittedJobs? Jobs => Cluster is { } c ? new SubmittedJobs(c, FirstProc!.Value, LastProc!.Value) : null;
    }
}
