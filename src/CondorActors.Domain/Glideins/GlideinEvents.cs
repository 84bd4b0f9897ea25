namespace CondorActors.Domain.Glideins;

/// <summary>A persisted fact about one glidein; <see cref="At"/> is when the actor decided it.</summary>
public interface IGlideinEvent
{
    DateTimeOffset At { get; }
}

/// <summary>The glidein was asked for (first event of every glidein).</summary>
public sealed record GlideinRequested(string GlideinId, string Site, GlideinSpec Spec, string Cause, DateTimeOffset At) : IGlideinEvent;

/// <summary>The batch system accepted the job (or a job with the glidein's name was found after a crash).</summary>
public sealed record BatchJobSubmitted(string BatchJobId, DateTimeOffset At) : IGlideinEvent;

/// <summary>The batch system refused the job; the glidein will never run.</summary>
public sealed record BatchJobSubmitFailed(string Reason, DateTimeOffset At) : IGlideinEvent;

/// <summary>The bridge half was started; a pid (with its start time, against pid reuse) when it is a local process.</summary>
public sealed record BridgeHalfStarted(int? Pid, ulong? StartTicks, DateTimeOffset At) : IGlideinEvent;

/// <summary>
/// The batch system said Running for the first time. Persisted so that a heartbeat that never
/// appears is timed from here, across controller restarts.
/// </summary>
public sealed record BatchJobObservedRunning(DateTimeOffset At) : IGlideinEvent;

/// <summary>Batch job running and the glidein's slots advertised and willing.</summary>
public sealed record GlideinObservedAdvertising(int Slots, DateTimeOffset At) : IGlideinEvent;

/// <summary>At least one of its slots is claimed.</summary>
public sealed record GlideinObservedClaimed(int ClaimedSlots, int Slots, DateTimeOffset At) : IGlideinEvent;

/// <summary>None of its slots is claimed any more.</summary>
public sealed record GlideinObservedIdle(int Slots, DateTimeOffset At) : IGlideinEvent;

/// <summary>Asked to drain: no new matches; jobs still running at the deadline are vacated.</summary>
public sealed record GlideinDrainRequested(DateTimeOffset Deadline, string Cause, DateTimeOffset At) : IGlideinEvent;

/// <summary>A half is gone or the glidein was stopped: cleanup begins.</summary>
public sealed record GlideinDied(GlideinDeathCause Cause, string Detail, DateTimeOffset At) : IGlideinEvent;

/// <summary>The jobs that were running on the glidein when cleanup looked (to vacate and then verify).</summary>
public sealed record GlideinJobsRecorded(IReadOnlyList<string> JobIds, DateTimeOffset At) : IGlideinEvent;

/// <summary><c>condor_vacate_job</c> was sent for the recorded jobs; what remains is to verify them.</summary>
public sealed record GlideinJobsVacated(IReadOnlyList<string> JobIds, DateTimeOffset At) : IGlideinEvent
{
    /// <summary>
    /// Sent again for the jobs a failed verification found still not released (absent in events
    /// written before re-sends existed: false).
    /// </summary>
    public bool Resent { get; init; }
}

/// <summary>One cleanup step is done (and confirmed where it can be).</summary>
public sealed record CleanupStepCompleted(CleanupStep Step, string Detail, DateTimeOffset At) : IGlideinEvent;

/// <summary>One attempt of a cleanup step failed; it is retried with backoff.</summary>
public sealed record CleanupStepFailed(CleanupStep Step, int Attempt, string Error, DateTimeOffset At) : IGlideinEvent;

/// <summary>Every cleanup step is done. Terminal.</summary>
public sealed record GlideinCleanedUp(DateTimeOffset At) : IGlideinEvent;
