using CondorActors.Domain.Batch;
using CondorActors.Domain.Condor;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Actors;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class GlideinLifecycleTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    [Fact]
    public async Task Glidein_goes_pending_then_advertising_then_running_from_observations()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();

        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        await AwaitAssertAsync(() => Assert.Equal(2, AdsOf(id)));
        Assert.Equal(1, Bridge.Starts);
        await PollAsync();
        Assert.Equal(GlideinPhase.Pending, (await SummaryAsync(site)).Glideins[id]);

        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        var job = Pool.SubmitJobs(1, "alice").Single();
        Bridge.Inner.ClaimSlot(id, job);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Running);

        var state = await GlideinAsync(site, id);
        Assert.Equal(
            [GlideinPhase.Requested, GlideinPhase.Pending, GlideinPhase.Pending, GlideinPhase.Pending, GlideinPhase.Advertising, GlideinPhase.Running],
            state.History.Select(h => h.To));
        Assert.Equal(nameof(BatchJobObservedRunning), state.History[3].Event);
        var request = Assert.Single(Batch.Requests);
        Assert.Equal(id, request.Name);
        Assert.Contains("hpc-half", request.Script, StringComparison.Ordinal);
        Assert.True(File.Exists(Context.FilesOf(id).StartdConfig));
    }

    [Fact]
    public async Task Dead_glidein_is_cleaned_up_each_step_once_ads_gone_jobs_idle_folder_removed_after_retention()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        var jobs = Pool.SubmitJobs(2, "alice");
        Bridge.Inner.ClaimSlot(id, jobs[0]);
        Bridge.Inner.ClaimSlot(id, jobs[1]);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Running);

        // The HPC half dies: the batch job fails, the bridge startd stays advertised (the old bug).
        Batch.SetAll(BatchJobState.Failed);
        Condor.Reset();
        await PollAsync();

        await AwaitAssertAsync(() => Assert.Equal(0, AdsOf(id)));
        await AwaitAssertAsync(() => Assert.All(jobs, j => Assert.Equal(CondorJobStatus.Idle, GlideinCondorQueries.ToJob(Pool.GetJob(j)!).Status)));
        Assert.All(jobs, j => Assert.True(GlideinCondorQueries.ToJob(Pool.GetJob(j)!).IsReleased));
        var files = Context.FilesOf(id);
        Assert.True(Directory.Exists(files.Root), "kept until the retention period ends");

        // Advancing the fake clock while a step still runs would time that step out (see SimulatedProcessBridgeHalfTests).
        await EventuallyAsync(async () => Assert.Contains(CleanupStep.KillOrphans, (await GlideinAsync(site, id)).CompletedSteps));
        Clock.Advance(Settings.Retention);
        await AwaitAssertAsync(() => Assert.False(Directory.Exists(files.Root)));
        await EventuallyAsync(async () => Assert.DoesNotContain(id, (await SummaryAsync(site)).Glideins.Keys));

        Assert.Equal(0, Batch.Cancels); // the batch system already said the job ended
        Assert.Equal(1, Bridge.Stops);
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.InvalidateStartdAdsAsync)));
        Assert.Equal(1, Condor.Calls("QueryGlideinAds"));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.QueryJobsOnAsync)));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.VacateJobsAsync)));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.GetJobsAsync)));
        Assert.Equal(1, Orphans.Calls);
    }

    [Fact]
    public async Task Ads_left_by_a_crashed_bridge_half_are_invalidated_and_the_batch_job_cancelled()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        Bridge.Inner.Crash(id);
        await PollAsync();

        await AwaitAssertAsync(() => Assert.Equal(0, AdsOf(id)));
        await AwaitAssertAsync(() => Assert.Equal(1, Batch.Cancels));
        var state = await GlideinAsync(site, id);
        Assert.Equal(GlideinDeathCause.BridgeHalfExited, state.DeathCause);
        Assert.Contains(CleanupStep.InvalidateAds, state.CompletedSteps);
    }

    [Fact]
    public async Task Failed_cleanup_step_is_retried_with_backoff_and_visible_in_history()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        var job = Pool.SubmitJobs(1, "alice").Single();
        Bridge.Inner.ClaimSlot(id, job);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Running);
        Condor.FailGetJobs = 2;

        site.Tell(new ToGlidein(id, new CancelGlidein("operator")));
        await EventuallyAsync(async () => Assert.Equal(1, (await GlideinAsync(site, id)).FailedAttempts));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.GetJobsAsync)));

        Clock.Advance(Settings.CleanupRetryInitial);
        await EventuallyAsync(async () => Assert.Equal(2, (await GlideinAsync(site, id)).FailedAttempts));

        // Second retry waits twice as long.
        Clock.Advance(Settings.CleanupRetryInitial);
        Assert.Equal(2, Condor.Calls(nameof(IGlideinCondorOps.GetJobsAsync)));
        Clock.Advance(Settings.CleanupRetryInitial);
        await EventuallyAsync(async () => Assert.Contains(CleanupStep.VacateJobs, (await GlideinAsync(site, id)).CompletedSteps));

        var state = await GlideinAsync(site, id);
        Assert.Equal(2, state.History.Count(h => h.Event == nameof(CleanupStepFailed)));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.VacateJobsAsync)));
        Assert.Equal(GlideinDeathCause.Cancelled, state.DeathCause);
        Assert.Equal(1, Batch.Cancels);
    }

    [Fact]
    public async Task Drained_glidein_dies_once_no_slot_is_claimed()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        var job = Pool.SubmitJobs(1, "alice").Single();
        var slot = Bridge.Inner.ClaimSlot(id, job);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Running);

        site.Tell(new ToGlidein(id, new DrainGlidein(Clock.GetUtcNow().AddHours(1), "operator")));
        await AwaitPhaseAsync(site, id, GlideinPhase.Draining);
        await PollAsync();
        Assert.Equal(GlideinPhase.Draining, (await SummaryAsync(site)).Glideins[id]);

        Pool.SetJobStatus(job, CondorJobStatus.Completed);
        Pool.UpdateAd("Machine", slot, ad => ad.Set("State", ClassAdValue.FromString("Unclaimed")));
        await PollAsync();

        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.Drained, (await GlideinAsync(site, id)).DeathCause));
        await AwaitAssertAsync(() => Assert.Equal(1, Batch.Cancels));
    }

    [Fact]
    public async Task Site_refuses_requests_beyond_its_limits()
    {
        Settings = Settings with { MaxGlideins = 2 };
        var site = StartSite();

        var tooMany = await site.Ask<GlideinRequestRejected>(new RequestGlideins(3, new GlideinSpec()), TimeSpan.FromSeconds(5));
        var tooManyNodes = await site.Ask<GlideinRequestRejected>(new RequestGlideins(1, new GlideinSpec { Nodes = 5 }), TimeSpan.FromSeconds(5));
        var tooManySlots = await site.Ask<GlideinRequestRejected>(new RequestGlideins(1, new GlideinSpec { SlotsPerNode = 9 }), TimeSpan.FromSeconds(5));
        await RequestAsync(site, 2, new GlideinSpec { Nodes = 4, SlotsPerNode = 8 });
        var full = await site.Ask<GlideinRequestRejected>(new RequestGlideins(1, new GlideinSpec()), TimeSpan.FromSeconds(5));

        Assert.Contains("allows 2", tooMany.Reason, StringComparison.Ordinal);
        Assert.Contains("nodes", tooManyNodes.Reason, StringComparison.Ordinal);
        Assert.Contains("slots", tooManySlots.Reason, StringComparison.Ordinal);
        Assert.Contains("2 are live", full.Reason, StringComparison.Ordinal);
        Assert.All(Batch.Requests, r => Assert.Equal(4, r.Nodes));
    }
}
