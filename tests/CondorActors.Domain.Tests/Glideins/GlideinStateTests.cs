using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Persistence;
using static CondorActors.Domain.Tests.Glideins.GlideinStates;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class GlideinStateTests
{
    [Fact]
    public void Events_fold_through_the_lifecycle_and_every_one_is_in_the_history()
    {
        var state = In(GlideinPhase.Running)
            .Apply(new GlideinDied(GlideinDeathCause.HeartbeatLost, "old heartbeat", T0.AddMinutes(1)));

        Assert.Equal(GlideinPhase.Dead, state.Phase);
        Assert.Equal("42", state.BatchJobId);
        Assert.Equal(GlideinDeathCause.HeartbeatLost, state.DeathCause);
        Assert.Equal(
            [nameof(GlideinRequested), nameof(BatchJobSubmitted), nameof(BatchJobObservedRunning), nameof(GlideinObservedAdvertising), nameof(GlideinObservedClaimed), nameof(GlideinDied)],
            state.History.Select(h => h.Event));
        Assert.Equal((GlideinPhase.Running, GlideinPhase.Dead), (state.History[^1].From, state.History[^1].To));
        Assert.Contains("old heartbeat", state.History[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleanup_steps_run_in_order_and_a_repeated_completion_changes_nothing()
    {
        var dead = In(GlideinPhase.Dead);
        Assert.Equal(CleanupStep.CancelBatchJob, dead.NextCleanupStep);

        var state = dead
            .Apply(new CleanupStepFailed(CleanupStep.CancelBatchJob, 1, "timeout", T0))
            .Apply(new CleanupStepCompleted(CleanupStep.CancelBatchJob, "cancelled", T0))
            .Apply(new CleanupStepCompleted(CleanupStep.CancelBatchJob, "again", T0));

        Assert.Equal(CleanupStep.StopBridgeHalf, state.NextCleanupStep);
        Assert.Equal(0, state.FailedAttempts);
        Assert.Single(state.CompletedSteps);
        Assert.Contains(state.History, h => h.Event == nameof(CleanupStepFailed) && h.Detail.Contains("timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void No_cleanup_step_while_live_or_after_cleanup()
    {
        Assert.Null(In(GlideinPhase.Running).NextCleanupStep);
        Assert.Null(In(GlideinPhase.CleanedUp).NextCleanupStep);
        Assert.Equal(CleanupStep.CancelBatchJob, In(GlideinPhase.SubmitFailed).NextCleanupStep);
    }

    [Fact]
    public void History_is_bounded_and_keeps_the_request()
    {
        var state = In(GlideinPhase.Dead);
        for (var i = 0; i < GlideinState.HistoryLimit * 2; i++)
        {
            state = state.Apply(new CleanupStepFailed(CleanupStep.CancelBatchJob, i + 1, "down", T0));
        }

        Assert.Equal(GlideinState.HistoryLimit, state.History.Count);
        Assert.Equal(nameof(GlideinRequested), state.History[0].Event);
        Assert.Equal(GlideinState.HistoryLimit * 2, state.FailedAttempts);
    }

    [Fact]
    public void Every_event_round_trips_through_its_manifest()
    {
        var registry = new EventTypeRegistry();
        GlideinEventTypes.Register(registry);
        IGlideinEvent[] events =
        [
            new GlideinRequested("g1", "s", new GlideinSpec { Nodes = 2, SlotsPerNode = 4, Mode = GlideinMode.Pilot }, "api", T0),
            new BatchJobSubmitted("7", T0),
            new BatchJobSubmitFailed("no", T0),
            new BridgeHalfStarted(12, 34UL, T0),
            new BatchJobObservedRunning(T0),
            new GlideinObservedAdvertising(2, T0),
            new GlideinObservedClaimed(1, 2, T0),
            new GlideinObservedIdle(2, T0),
            new GlideinDrainRequested(T0.AddHours(1), "op", T0),
            new GlideinDied(GlideinDeathCause.AdsVanished, "gone", T0),
            new GlideinJobsRecorded(["1.0", "2.3"], T0),
            new GlideinJobsVacated(["1.0"], T0),
            new GlideinJobsVacated(["1.0"], T0) { Resent = true },
            new CleanupStepCompleted(CleanupStep.VacateJobs, "ok", T0),
            new CleanupStepFailed(CleanupStep.InvalidateAds, 3, "still there", T0),
            new GlideinCleanedUp(T0),
        ];

        foreach (var e in events)
        {
            var (manifest, payload) = registry.Serialize(e);
            var back = (IGlideinEvent)registry.Deserialize(manifest, payload);
            Assert.Equal(payload, registry.Serialize(back).Payload);
        }

        // Enums are stored by name, so reordering an enum cannot change stored meaning.
        Assert.Contains("\"AdsVanished\"", registry.Serialize(events[9]).Payload, StringComparison.Ordinal);
        Assert.Equal("glidein-died.v1", registry.ManifestOf(typeof(GlideinDied)));
    }

    [Fact]
    public void Events_written_before_the_new_fields_still_read()
    {
        var registry = new EventTypeRegistry();
        GlideinEventTypes.Register(registry);

        var vacated = (GlideinJobsVacated)registry.Deserialize("glidein-jobs-vacated.v1", """{"JobIds":["9.0"],"At":"2025-01-01T00:00:00+00:00"}""");
        var state = In(GlideinPhase.Dead).Apply(vacated);

        Assert.False(vacated.Resent);
        Assert.True(state.JobsVacateSent);
        Assert.Equal("vacate sent for 9.0", state.History[^1].Detail);
        Assert.Null(In(GlideinPhase.Pending).BatchRunningSince);
        Assert.Equal("glidein-batch-job-running.v1", registry.ManifestOf(typeof(BatchJobObservedRunning)));
    }

    [Fact]
    public void First_running_time_is_kept_and_a_resent_vacate_says_so()
    {
        var state = In(GlideinPhase.Pending)
            .Apply(new BatchJobObservedRunning(T0.AddMinutes(1)))
            .Apply(new BatchJobObservedRunning(T0.AddMinutes(2)));
        Assert.Equal(T0.AddMinutes(1), state.BatchRunningSince);
        Assert.Equal("batch job 42 running", state.History[^2].Detail);

        var dead = In(GlideinPhase.Dead).Apply(new GlideinJobsVacated(["9.0", "9.1"], T0) { Resent = true });
        Assert.Equal("vacate re-sent for 9.0 9.1", dead.History[^1].Detail);
    }
}
