using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The glidein state machine's decisions: given the state and one poll's evidence, which events
/// happen. Pure (no clock, no I/O) so every transition is unit-tested without actors.
/// </summary>
public static class GlideinRules
{
    /// <summary>Events the evidence implies, in order; empty when nothing changes.</summary>
    public static IReadOnlyList<IGlideinEvent> Decide(GlideinState state, GlideinEvidence evidence, TimeSpan? heartbeatTimeout)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evidence);
        if (!state.IsLive)
        {
            return [];
        }

        var at = evidence.At;
        if (state.BatchJobId is null)
        {
            // A job with the glidein's name although none was recorded: the controller crashed
            // between the submit and its event. Adopt it rather than submitting a second one.
            return evidence is { BatchKnown: true, Batch: { } found }
                ? [new BatchJobSubmitted(found.JobId, at), .. Decide(state.Apply(new BatchJobSubmitted(found.JobId, at)), evidence, heartbeatTimeout)]
                : [];
        }

        if (Death(state, evidence, heartbeatTimeout) is { } died)
        {
            return [died];
        }

        var running = evidence is { BatchKnown: true, Batch.State: BatchJobState.Running };
        IReadOnlyList<IGlideinEvent> progress = Progress(state, evidence, running);
        return running && state.BatchRunningSince is null ? [new BatchJobObservedRunning(at), .. progress] : progress;
    }

    /// <summary>
    /// How old the HPC half's heartbeat is at <paramref name="at"/>: from the heartbeat file's time,
    /// else (no file yet, or it disappeared) from the last heartbeat seen, else from when the batch
    /// job was first seen Running, so a heartbeat that never appears still times out.
    /// </summary>
    public static TimeSpan HeartbeatAge(DateTimeOffset at, DateTimeOffset? heartbeat, DateTimeOffset? lastSeenHeartbeat, DateTimeOffset? runningSince) =>
        at - (heartbeat ?? lastSeenHeartbeat ?? runningSince ?? at);

    private static IReadOnlyList<IGlideinEvent> Progress(GlideinState state, GlideinEvidence evidence, bool running)
    {
        var at = evidence.At;
        if (evidence.Ads is not { } ads)
        {
            return [];
        }

        return state.Phase switch
        {
            GlideinPhase.Pending when running && ads.Slots > 0 && ads.Claimed > 0 =>
                [new GlideinObservedAdvertising(ads.Slots, at), new GlideinObservedClaimed(ads.Claimed, ads.Slots, at)],
            GlideinPhase.Pending when running && ads.Slots > 0 => [new GlideinObservedAdvertising(ads.Slots, at)],
            GlideinPhase.Advertising or GlideinPhase.Idle when ads.Claimed > 0 => [new GlideinObservedClaimed(ads.Claimed, ads.Slots, at)],
            GlideinPhase.Running when ads.Claimed == 0 => [new GlideinObservedIdle(ads.Slots, at)],
            GlideinPhase.Draining when ads.Claimed == 0 => [new GlideinDied(GlideinDeathCause.Drained, "no slot claimed any more", at)],
            _ => [],
        };
    }

    /// <summary>The death the evidence proves, if any; checked before any progress, from every live phase.</summary>
    public static GlideinDied? Death(GlideinState state, GlideinEvidence evidence, TimeSpan? heartbeatTimeout)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evidence);
        var at = evidence.At;
        if (evidence.BatchKnown)
        {
            if (evidence.Batch is null)
            {
                return new GlideinDied(GlideinDeathCause.BatchJobVanished, $"batch job {state.BatchJobId} not listed by the batch system", at);
            }

            if (evidence.Batch is { IsFinal: true } ended)
            {
                return new GlideinDied(CauseOf(ended.State), $"batch job {ended.JobId} {ended.RawState} {ended.Reason}".TrimEnd(), at);
            }
        }

        if (evidence.BridgeAlive == false)
        {
            return new GlideinDied(GlideinDeathCause.BridgeHalfExited, "bridge half process gone", at);
        }

        var running = evidence is { BatchKnown: true, Batch.State: BatchJobState.Running };
        if (running && heartbeatTimeout is { } timeout && evidence.HeartbeatAge is { } age && age > timeout)
        {
            return new GlideinDied(GlideinDeathCause.HeartbeatLost, $"last heartbeat {age.TotalSeconds:0} s ago (timeout {timeout.TotalSeconds:0} s) while the batch system says Running", at);
        }

        if (running && state.WasAdvertised && evidence.Ads is { Slots: 0 })
        {
            return new GlideinDied(GlideinDeathCause.AdsVanished, "its ads left the collector while the batch job runs", at);
        }

        return null;
    }

    private static GlideinDeathCause CauseOf(BatchJobState state) => state switch
    {
        BatchJobState.Completed => GlideinDeathCause.BatchJobCompleted,
        BatchJobState.Cancelled => GlideinDeathCause.BatchJobCancelled,
        BatchJobState.Timeout => GlideinDeathCause.BatchJobTimedOut,
        BatchJobState.Vanished => GlideinDeathCause.BatchJobVanished,
        _ => GlideinDeathCause.BatchJobFailed,
    };
}
