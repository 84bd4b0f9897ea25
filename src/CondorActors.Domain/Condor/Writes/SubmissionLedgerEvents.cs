namespace CondorActors.Domain.Condor.Writes;

/// <summary>Intent recorded before condor_submit runs (manifest <c>submission-intended.v1</c>).</summary>
internal sealed record SubmissionIntended(string Key, string BodyHash, string RequestId, DateTimeOffset At);

/// <summary>A submission's outcome (manifest <c>submission-settled.v1</c>): the jobs, or condor_submit's rejection.</summary>
internal sealed record SubmissionSettled(string Key, string RequestId, int? Cluster, int? FirstProc, int? LastProc, string? Rejection, DateTimeOffset At);

/// <summary>One key's entry; <see cref="Outcome"/> null while the submission is unsettled.</summary>
internal sealed record LedgerEntry(string Key, string BodyHash, string RequestId, DateTimeOffset At, SubmissionLedger.LedgerOutcome? Outcome);

/// <summary>The ledger's snapshot (manifest <c>submission-ledger.v1</c>): the entries still inside the window.</summary>
internal sealed record SubmissionLedgerSnapshot(List<LedgerEntry> Entries);
