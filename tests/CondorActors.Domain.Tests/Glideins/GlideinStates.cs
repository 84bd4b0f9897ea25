using CondorActors.Domain.Glideins;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>Builds glidein states in each phase by folding the events that lead there.</summary>
internal static class GlideinStates
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static GlideinState In(GlideinPhase phase)
    {
        var state = GlideinState.Initial(new GlideinRequested("g1", "site-a", new GlideinSpec { Nodes = 1, SlotsPerNode = 2 }, "test", T0));
        if (phase == GlideinPhase.Requested)
        {
            return state;
        }

        state = state.Apply(new BatchJobSubmitted("42", T0.AddSeconds(1)));
        return phase switch
        {
            GlideinPhase.Pending => state,
            GlideinPhase.Advertising => Started(state).Apply(new GlideinObservedAdvertising(2, T0.AddSeconds(2))),
            GlideinPhase.Running => Started(state).Apply(new GlideinObservedAdvertising(2, T0.AddSeconds(2))).Apply(new GlideinObservedClaimed(1, 2, T0.AddSeconds(3))),
            GlideinPhase.Idle => In(GlideinPhase.Running).Apply(new GlideinObservedIdle(2, T0.AddSeconds(4))),
            GlideinPhase.Draining => In(GlideinPhase.Running).Apply(new GlideinDrainRequested(T0.AddMinutes(10), "operator", T0.AddSeconds(5))),
            GlideinPhase.Dead => state.Apply(new GlideinDied(GlideinDeathCause.Cancelled, "test", T0.AddSeconds(6))),
            GlideinPhase.SubmitFailed => GlideinState.Initial(new GlideinRequested("g1", "site-a", new GlideinSpec(), "test", T0)).Apply(new BatchJobSubmitFailed("refused", T0)),
            GlideinPhase.CleanedUp => state.Apply(new GlideinDied(GlideinDeathCause.Cancelled, "test", T0)).Apply(new GlideinCleanedUp(T0.AddSeconds(7))),
            _ => throw new ArgumentOutOfRangeException(nameof(phase)),
        };
    }

    /// <summary>The batch job was seen Running (what every phase past Pending implies).</summary>
    public static GlideinState Started(GlideinState state) => state.Apply(new BatchJobObservedRunning(T0.AddSeconds(2)));

    public static readonly GlideinPhase[] LivePhases =
        [GlideinPhase.Pending, GlideinPhase.Advertising, GlideinPhase.Running, GlideinPhase.Idle, GlideinPhase.Draining];

    public static TheoryData<GlideinPhase> LivePhasesWithBatchJob() => [.. LivePhases];
}
