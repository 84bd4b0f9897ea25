using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// A glidein's persisted state. The actor decides (<see cref="GlideinRules"/>), this record only
/// folds events, so recovery from the journal and live behaviour build the same state.
/// </summary>
public sealed record GlideinState
{
    /// <summary>Most history lines kept; older ones are dropped first (cleanup retries can be many).</summary>
    public const int HistoryLimit = 256;

    public required string GlideinId { get; init; }

    public required string Site { get; init; }

    public required GlideinSpec Spec { get; init; }

    public GlideinPhase Phase { get; init; } = GlideinPhase.Requested;

    public DateTimeOffset RequestedAt { get; init; }

    public string? BatchJobId { get; init; }

    public int? BridgePid { get; init; }

    public ulong? BridgeStartTicks { get; init; }

    public bool BridgeStarted { get; init; }

    /// <summary>When the batch system first said Running; a missing heartbeat is timed from here. Null until then.</summary>
    public DateTimeOffset? BatchRunningSince { get; init; }

    /// <summary>Slots seen when it last changed phase.</summary>
    public int Slots { get; init; }

    public int ClaimedSlots { get; init; }

    /// <summary>True once its ads were seen (Advertising or later): from then on their absence means death.</summary>
    public bool WasAdvertised { get; init; }

    public DateTimeOffset? DrainDeadline { get; init; }

    public GlideinDeathCause? DeathCause { get; init; }

    public DateTimeOffset? DiedAt { get; init; }

    public ImmutableList<CleanupStep> CompletedSteps { get; init; } = [];

    /// <summary>Jobs seen on it when cleanup looked; null until looked.</summary>
    public ImmutableList<string>? RecordedJobs { get; init; }

    public bool JobsVacateSent { get; init; }

    /// <summary>Failed attempts of the current cleanup step (reset when a step completes).</summary>
    public int FailedAttempts { get; init; }

    public ImmutableList<GlideinTransition> History { get; init; } = [];

    /// <summary>Dead or SubmitFailed: the cleanup steps are running.</summary>
    public bool IsCleaningUp => Phase is GlideinPhase.Dead or GlideinPhase.SubmitFailed;

    /// <summary>Whether the glidein still counts against the site's limit (not dead, not cleaned up).</summary>
    public bool IsLive => Phase is not (GlideinPhase.Dead or GlideinPhase.SubmitFailed or GlideinPhase.CleanedUp);

    /// <summary>The first cleanup step not done yet, in <see cref="CleanupStep"/> order; null when all are.</summary>
    public CleanupStep? NextCleanupStep =>
        IsCleaningUp
            ? Enum.GetValues<CleanupStep>().Cast<CleanupStep?>().FirstOrDefault(step => !CompletedSteps.Contains(step!.Value))
            : null;

    public static GlideinState Initial(GlideinRequested requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return new GlideinState
        {
            GlideinId = requested.GlideinId,
            Site = requested.Site,
            Spec = requested.Spec,
            RequestedAt = requested.At,
            History = [new GlideinTransition(requested.At, GlideinPhase.Requested, GlideinPhase.Requested, nameof(GlideinRequested), requested.Cause)],
        };
    }

    /// <summary>The state after <paramref name="event"/>. Never decides, never fails on a persisted event.</summary>
    public GlideinState Apply(IGlideinEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var (next, detail) = @event switch
        {
            GlideinRequested e => (this with { Spec = e.Spec }, e.Cause),
            BatchJobSubmitted e => (this with { BatchJobId = e.BatchJobId, Phase = IsLive ? GlideinPhase.Pending : Phase }, "batch job " + e.BatchJobId),
            BatchJobSubmitFailed e => (this with { Phase = GlideinPhase.SubmitFailed, DiedAt = e.At }, e.Reason),
            BridgeHalfStarted e => (this with { BridgeStarted = true, BridgePid = e.Pid, BridgeStartTicks = e.StartTicks }, e.Pid is { } pid ? "pid " + pid : "started"),
            BatchJobObservedRunning e => (this with { BatchRunningSince = BatchRunningSince ?? e.At }, $"batch job {BatchJobId} running"),
            GlideinObservedAdvertising e => (this with { Phase = GlideinPhase.Advertising, Slots = e.Slots, ClaimedSlots = 0, WasAdvertised = true }, $"{e.Slots} slots"),
            GlideinObservedClaimed e => (this with { Phase = GlideinPhase.Running, Slots = e.Slots, ClaimedSlots = e.ClaimedSlots, WasAdvertised = true }, $"{e.ClaimedSlots} of {e.Slots} slots claimed"),
            GlideinObservedIdle e => (this with { Phase = GlideinPhase.Idle, Slots = e.Slots, ClaimedSlots = 0 }, "no slot claimed"),
            GlideinDrainRequested e => (this with { Phase = GlideinPhase.Draining, DrainDeadline = e.Deadline }, $"{e.Cause}; deadline {e.Deadline:O}"),
            GlideinDied e => (this with { Phase = GlideinPhase.Dead, DeathCause = e.Cause, DiedAt = e.At, FailedAttempts = 0 }, $"{e.Cause}: {e.Detail}"),
            GlideinJobsRecorded e => (this with { RecordedJobs = [.. e.JobIds] }, e.JobIds.Count == 0 ? "no jobs on it" : "jobs " + string.Join(' ', e.JobIds)),
            GlideinJobsVacated e => (this with { JobsVacateSent = true }, (e.Resent ? "vacate re-sent for " : "vacate sent for ") + string.Join(' ', e.JobIds)),
            CleanupStepCompleted e => (this with { CompletedSteps = CompletedSteps.Contains(e.Step) ? CompletedSteps : CompletedSteps.Add(e.Step), FailedAttempts = 0 }, $"{e.Step}: {e.Detail}"),
            CleanupStepFailed e => (this with { FailedAttempts = e.Attempt }, $"{e.Step} attempt {e.Attempt}: {e.Error}"),
            GlideinCleanedUp => (this with { Phase = GlideinPhase.CleanedUp }, "cleaned up"),
            _ => throw new ArgumentException($"Unknown glidein event {@event.GetType().Name}", nameof(@event)),
        };

        var history = History.Add(new GlideinTransition(@event.At, Phase, next.Phase, @event.GetType().Name, detail));
        if (history.Count > HistoryLimit)
        {
            // Keep the request line: it says where the glidein came from.
            history = history.RemoveAt(1);
        }

        return next with { History = history };
    }
}
