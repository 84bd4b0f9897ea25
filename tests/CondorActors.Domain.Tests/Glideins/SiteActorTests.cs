using CondorActors.Domain.Batch;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Actors;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class SiteActorTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    [Fact]
    public async Task Each_poll_runs_one_batch_status_and_one_collector_query_for_all_glideins()
    {
        var site = StartSite();
        var ids = await RequestAsync(site, 20);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        await AwaitAssertAsync(() => Assert.Equal(Batch.StatusCalls, Condor.Calls("QuerySiteAds")));
        var before = (Batch: Batch.StatusCalls, Collector: Condor.TotalCalls);

        await PollAsync(3);
        await EventuallyAsync(async () => Assert.All((await SummaryAsync(site)).Glideins.Values, p => Assert.Equal(GlideinPhase.Advertising, p)));

        // The clock stands still now: no further poll can add to the counts.
        await AwaitAssertAsync(() => Assert.Equal(3, Condor.TotalCalls - before.Collector));
        Assert.Equal(3, Batch.StatusCalls - before.Batch);
        Assert.Equal(Condor.TotalCalls, Condor.Calls("QuerySiteAds"));
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, Batch.Submits);
        Assert.Equal(0, Batch.Cancels);
    }

    [Fact]
    public async Task No_answer_from_batch_system_or_collector_kills_no_glidein()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        Batch.Unavailable = true;
        Condor.CollectorDown = true;
        await PollAsync(3);

        Assert.Equal(GlideinPhase.Advertising, (await SummaryAsync(site)).Glideins[id]);
        Assert.Equal(2, AdsOf(id));
    }

    [Fact]
    public async Task Restart_recovers_every_glidein_and_a_job_that_ended_meanwhile_leads_to_cleanup()
    {
        var site = StartSite("site");
        var ids = await RequestAsync(site, 2);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        await AwaitPhaseAsync(site, ids[0], GlideinPhase.Advertising);
        await AwaitPhaseAsync(site, ids[1], GlideinPhase.Advertising);
        var firstJob = (await GlideinAsync(site, ids[0])).BatchJobId!;
        var watcher = CreateTestProbe();
        watcher.Watch(site);
        Sys.Stop(site);
        await watcher.ExpectTerminatedAsync(site);

        // While the controller is down, the first glidein's batch job ends.
        var first = (await Journal.ReadHighestSequenceNrAsync("glidein-" + ids[0]));
        Assert.True(first > 0);
        Batch.Set(firstJob, BatchJobState.Timeout);

        var restarted = StartSite("site");
        await EventuallyAsync(async () => Assert.Equal(2, (await SummaryAsync(restarted)).Glideins.Count));
        await PollAsync();
        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.BatchJobTimedOut, (await GlideinAsync(restarted, ids[0])).DeathCause));
        Assert.Equal(GlideinPhase.Advertising, (await GlideinAsync(restarted, ids[1])).Phase);
        Assert.Equal(2, Batch.Submits);
        await AwaitAssertAsync(() => Assert.Equal(0, AdsOf(ids[0])));
        Assert.Equal(2, AdsOf(ids[1]));
    }

    [Fact]
    public async Task Restart_in_the_middle_of_cleanup_resumes_and_runs_each_external_step_once()
    {
        var site = StartSite("site");
        var id = (await RequestAsync(site, 1)).Single();
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        var job = Pool.SubmitJobs(1, "alice").Single();
        Bridge.Inner.ClaimSlot(id, job);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Running);

        // Cleanup stops at the vacate verification (schedd busy), after the vacate was sent.
        Condor.FailGetJobs = 1;
        site.Tell(new ToGlidein(id, new CancelGlidein("operator")));
        await EventuallyAsync(async () => Assert.Equal(1, (await GlideinAsync(site, id)).FailedAttempts));
        var watcher = CreateTestProbe();
        watcher.Watch(site);
        Sys.Stop(site);
        await watcher.ExpectTerminatedAsync(site);

        var restarted = StartSite("site");
        await EventuallyAsync(async () => Assert.Contains(CleanupStep.KillOrphans, (await GlideinAsync(restarted, id)).CompletedSteps));

        Assert.Equal(1, Batch.Cancels);
        Assert.Equal(1, Bridge.Stops);
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.InvalidateStartdAdsAsync)));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.QueryJobsOnAsync)));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.VacateJobsAsync)));
        Assert.Equal(2, Condor.Calls(nameof(IGlideinCondorOps.GetJobsAsync)));
        Assert.Equal(1, Orphans.Calls);
        Assert.Equal(CondorJobStatus.Idle, GlideinCondorQueries.ToJob(Pool.GetJob(job)!).Status);

        Clock.Advance(Settings.Retention);
        await EventuallyAsync(async () => Assert.Empty((await SummaryAsync(restarted)).Glideins));
        Assert.False(Directory.Exists(Context.FilesOf(id).Root));
    }

    [Fact]
    public async Task Glidein_requested_before_a_crash_adopts_its_job_instead_of_submitting_twice()
    {
        // The journal says Requested only: the crash came between sbatch and the event.
        var id = "g20250101000000-abcdef01";
        var spec = new GlideinSpec { SlotsPerNode = 2 };
        var registry = new Kernel.Persistence.EventTypeRegistry();
        GlideinEventTypes.Register(registry);
        async Task WriteAsync(string pid, long seq, object e)
        {
            var (manifest, payload) = registry.Serialize(e);
            await Journal.WriteAsync([new Kernel.Persistence.JournalEntry(pid, seq, manifest, payload, Clock.GetUtcNow(), "test")]);
        }

        await WriteAsync("site-site-a", 1, new SiteGlideinAdded(id, spec, Clock.GetUtcNow()));
        await WriteAsync("glidein-" + id, 1, new GlideinRequested(id, "site-a", spec, "test", Clock.GetUtcNow()));
        var jobId = await Batch.SubmitAsync(new BatchJobRequest("#!/bin/sh", id));

        var site = StartSite();
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);

        Assert.Equal(jobId, (await GlideinAsync(site, id)).BatchJobId);
        Assert.Equal(1, Batch.Submits);
    }
}
