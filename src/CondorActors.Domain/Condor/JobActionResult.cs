namespace CondorActors.Domain.Condor;

/// <summary>A job-control command that succeeded, with what the tool printed per job (<c>Job 5.0 held</c>).</summary>
public sealed record JobActionResult(JobAction Action, JobTarget Target, IReadOnlyList<string> Messages);
