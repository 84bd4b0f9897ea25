namespace CondorActors.Domain.Condor.Writes;

/// <summary>A settled submit: the jobs, the request id they carry, and whether this is a replay of an earlier answer.</summary>
public sealed record SubmitOutcome(SubmittedJobs Jobs, string RequestId, bool Replayed);
