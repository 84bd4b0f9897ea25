using CondorActors.Domain.Batch;
using CondorActors.Domain.Glideins;
using static CondorActors.Domain.Tests.Glideins.GlideinStates;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class GlideinRulesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Now = T0.AddMinutes(5);

    private static GlideinEvidence Batch(BatchJobState state, GlideinAds? ads = null, string raw = "X") => new(Now)
    {
        BatchKnown = true,
        Batch = new BatchJobStatus("42", state, raw),
        Ads = ads,
    };

    private static IGlideinEvent Single(GlideinState state, GlideinEvidence evidence) =>
        Assert.Single(GlideinRules.Decide(state, evidence, Timeout));

    public static TheoryData<GlideinPhase, BatchJobState, GlideinDeathCause> EndedJobs()
    {
        var data = new TheoryData<GlideinPhase, BatchJobState, GlideinDeathCause>();
        foreach (var phase in LivePhases)
        {
            data.Add(phase, BatchJobState.Completed, GlideinDeathCause.BatchJobCompleted);
            data.Add(phase, BatchJobState.Failed, GlideinDeathCause.BatchJobFailed);
            data.Add(phase, BatchJobState.NodeFail, GlideinDeathCause.BatchJobFailed);
            data.Add(phase, BatchJobState.Cancelled, GlideinDeathCause.BatchJobCancelled);
            data.Add(phase, BatchJobState.Timeout, GlideinDeathCause.BatchJobTimedOut);
            data.Add(phase, BatchJobState.Vanished, GlideinDeathCause.BatchJobVanished);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EndedJobs))]
    public void Glidein_dies_from_every_live_phase_when_its_batch_job_ends(GlideinPhase phase, BatchJobState batch, GlideinDeathCause cause)
    {
        var died = Assert.IsType<GlideinDied>(Single(In(phase), Batch(batch, GlideinAds.None)));
        Assert.Equal(cause, died.Cause);
        Assert.Equal(Now, died.At);
        Assert.Equal(GlideinPhase.Dead, In(phase).Apply(died).Phase);
    }

    [Theory]
    [MemberData(nameof(GlideinStates.LivePhasesWithBatchJob), MemberType = typeof(GlideinStates))]
    public void Glidein_is_dead_when_batch_job_is_not_listed_at_all(GlideinPhase phase)
    {
        var died = Assert.IsType<GlideinDied>(Single(In(phase), new GlideinEvidence(Now) { BatchKnown = true }));
        Assert.Equal(GlideinDeathCause.BatchJobVanished, died.Cause);
    }

    [Theory]
    [MemberData(nameof(GlideinStates.LivePhasesWithBatchJob), MemberType = typeof(GlideinStates))]
    public void Glidein_is_dead_when_heartbeat_is_older_than_the_timeout_while_the_job_runs(GlideinPhase phase)
    {
        var evidence = Batch(BatchJobState.Running, new GlideinAds(2, 1)) with { HeartbeatAge = Timeout + TimeSpan.FromSeconds(1) };
        Assert.Equal(GlideinDeathCause.HeartbeatLost, Assert.IsType<GlideinDied>(Single(In(phase), evidence)).Cause);
    }

    [Theory]
    [MemberData(nameof(GlideinStates.LivePhasesWithBatchJob), MemberType = typeof(GlideinStates))]
    public void Glidein_is_dead_when_its_bridge_half_exited(GlideinPhase phase)
    {
        var evidence = Batch(BatchJobState.Running, new GlideinAds(2, 1)) with { BridgeAlive = false };
        Assert.Equal(GlideinDeathCause.BridgeHalfExited, Assert.IsType<GlideinDied>(Single(In(phase), evidence)).Cause);
    }

    [Theory]
    [InlineData(GlideinPhase.Advertising)]
    [InlineData(GlideinPhase.Running)]
    [InlineData(GlideinPhase.Idle)]
    [InlineData(GlideinPhase.Draining)]
    public void Glidein_is_dead_when_its_ads_vanish_while_the_batch_job_runs(GlideinPhase phase)
    {
        Assert.Equal(GlideinDeathCause.AdsVanished, Assert.IsType<GlideinDied>(Single(In(phase), Batch(BatchJobState.Running, GlideinAds.None))).Cause);
    }

    [Fact]
    public void Pending_glidein_without_ads_yet_is_not_dead()
    {
        Assert.IsType<BatchJobObservedRunning>(Single(In(GlideinPhase.Pending), Batch(BatchJobState.Running, GlideinAds.None)));
        Assert.Empty(GlideinRules.Decide(Started(In(GlideinPhase.Pending)), Batch(BatchJobState.Running, GlideinAds.None), Timeout));
    }

    [Fact]
    public void First_running_observation_is_recorded_once_and_not_while_queued()
    {
        var first = GlideinRules.Decide(In(GlideinPhase.Pending), Batch(BatchJobState.Running, new GlideinAds(2, 0)), Timeout);
        Assert.Collection(first, e => Assert.Equal(Now, Assert.IsType<BatchJobObservedRunning>(e).At), e => Assert.IsType<GlideinObservedAdvertising>(e));

        var later = first.Aggregate(In(GlideinPhase.Pending), (s, e) => s.Apply(e));
        Assert.Equal(Now, later.BatchRunningSince);
        Assert.Empty(GlideinRules.Decide(later, Batch(BatchJobState.Running, new GlideinAds(2, 0)), Timeout));
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Pending), Batch(BatchJobState.Pending, GlideinAds.None), Timeout));

        // The collector did not answer: the batch system's Running is still recorded (the heartbeat clock starts).
        Assert.IsType<BatchJobObservedRunning>(Single(In(GlideinPhase.Pending), Batch(BatchJobState.Running)));
    }

    [Fact]
    public void Heartbeat_age_comes_from_the_file_else_the_last_seen_else_the_first_running()
    {
        var runningSince = Now.AddMinutes(-10);
        var lastSeen = Now.AddMinutes(-3);
        var file = Now.AddSeconds(-20);

        Assert.Equal(TimeSpan.FromSeconds(20), GlideinRules.HeartbeatAge(Now, file, lastSeen, runningSince));
        Assert.Equal(TimeSpan.FromMinutes(3), GlideinRules.HeartbeatAge(Now, null, lastSeen, runningSince));
        Assert.Equal(TimeSpan.FromMinutes(10), GlideinRules.HeartbeatAge(Now, null, null, runningSince));
        Assert.Equal(TimeSpan.Zero, GlideinRules.HeartbeatAge(Now, null, null, null));

        // A missing heartbeat timed from the first Running kills a glidein whose HPC half never wrote one.
        var evidence = Batch(BatchJobState.Running, new GlideinAds(2, 1)) with { HeartbeatAge = GlideinRules.HeartbeatAge(Now, null, null, runningSince) };
        Assert.Equal(GlideinDeathCause.HeartbeatLost, Assert.IsType<GlideinDied>(Single(In(GlideinPhase.Running), evidence)).Cause);
    }

    [Fact]
    public void A_fresh_heartbeat_or_a_pending_job_with_an_old_heartbeat_is_no_death()
    {
        var fresh = Batch(BatchJobState.Running, new GlideinAds(2, 1)) with { HeartbeatAge = Timeout };
        var queued = Batch(BatchJobState.Pending, new GlideinAds(2, 0)) with { HeartbeatAge = Timeout * 10 };
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Running), fresh, Timeout));
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Pending), queued, Timeout));
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Running), fresh with { HeartbeatAge = Timeout * 10 }, heartbeatTimeout: null));
    }

    [Fact]
    public void No_answer_from_the_batch_system_or_collector_changes_nothing()
    {
        var unknown = new GlideinEvidence(Now) { BatchKnown = false, Ads = null };
        foreach (GlideinPhase phase in Enum.GetValues<GlideinPhase>())
        {
            Assert.Empty(GlideinRules.Decide(In(phase), unknown, Timeout));
        }

        // Batch answered Running but the collector did not: no AdsVanished.
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Running), Batch(BatchJobState.Running, ads: null), Timeout));
    }

    [Theory]
    [InlineData(GlideinPhase.Dead)]
    [InlineData(GlideinPhase.SubmitFailed)]
    [InlineData(GlideinPhase.CleanedUp)]
    public void Dead_glideins_take_no_more_transitions(GlideinPhase phase)
    {
        Assert.Empty(GlideinRules.Decide(In(phase), Batch(BatchJobState.Failed, GlideinAds.None), Timeout));
    }

    [Fact]
    public void Pending_becomes_advertising_once_the_job_runs_and_its_slots_are_seen()
    {
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Pending), Batch(BatchJobState.Pending, new GlideinAds(2, 0)), Timeout));
        var advertising = Assert.IsType<GlideinObservedAdvertising>(Single(Started(In(GlideinPhase.Pending)), Batch(BatchJobState.Running, new GlideinAds(2, 0))));
        Assert.Equal(2, advertising.Slots);
    }

    [Fact]
    public void Pending_with_claimed_slots_goes_through_advertising_to_running()
    {
        var events = GlideinRules.Decide(In(GlideinPhase.Pending), Batch(BatchJobState.Running, new GlideinAds(2, 2)), Timeout);
        Assert.Collection(events, e => Assert.IsType<BatchJobObservedRunning>(e), e => Assert.IsType<GlideinObservedAdvertising>(e), e => Assert.IsType<GlideinObservedClaimed>(e));
        Assert.Equal(GlideinPhase.Running, events.Aggregate(In(GlideinPhase.Pending), (s, e) => s.Apply(e)).Phase);
    }

    [Fact]
    public void Claims_move_between_running_and_idle()
    {
        Assert.IsType<GlideinObservedClaimed>(Single(In(GlideinPhase.Advertising), Batch(BatchJobState.Running, new GlideinAds(2, 1))));
        Assert.IsType<GlideinObservedIdle>(Single(In(GlideinPhase.Running), Batch(BatchJobState.Running, new GlideinAds(2, 0))));
        Assert.IsType<GlideinObservedClaimed>(Single(In(GlideinPhase.Idle), Batch(BatchJobState.Running, new GlideinAds(2, 2))));
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Running), Batch(BatchJobState.Running, new GlideinAds(2, 2)), Timeout));
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Advertising), Batch(BatchJobState.Running, new GlideinAds(2, 0)), Timeout));
    }

    [Fact]
    public void Draining_glidein_dies_drained_when_no_slot_is_claimed()
    {
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Draining), Batch(BatchJobState.Running, new GlideinAds(2, 1)), Timeout));
        var died = Assert.IsType<GlideinDied>(Single(In(GlideinPhase.Draining), Batch(BatchJobState.Running, new GlideinAds(2, 0))));
        Assert.Equal(GlideinDeathCause.Drained, died.Cause);
    }

    [Fact]
    public void Requested_glidein_adopts_a_job_found_by_its_name_instead_of_submitting_again()
    {
        var evidence = Batch(BatchJobState.Running, new GlideinAds(2, 0));
        var events = GlideinRules.Decide(In(GlideinPhase.Requested), evidence, Timeout);
        Assert.Collection(events,
            e => Assert.Equal("42", Assert.IsType<BatchJobSubmitted>(e).BatchJobId),
            e => Assert.IsType<BatchJobObservedRunning>(e),
            e => Assert.IsType<GlideinObservedAdvertising>(e));
        Assert.Empty(GlideinRules.Decide(In(GlideinPhase.Requested), new GlideinEvidence(Now) { BatchKnown = true }, Timeout));
    }
}
