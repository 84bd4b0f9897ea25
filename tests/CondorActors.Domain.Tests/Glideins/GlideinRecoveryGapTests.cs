using CondorActors.Domain.Batch;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>Heartbeat timing across restarts, a split startd turned willing, and vacates re-sent until confirmed.</summary>
public sealed class GlideinRecoveryGapTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Split_startd_is_made_willing_once_its_batch_job_runs()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        Assert.All(SlotsOf(id), start => Assert.False(start));

        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        await AwaitAssertAsync(() => Assert.All(SlotsOf(id), start => Assert.True(start)));
    }

    [Fact]
    public async Task Glidein_whose_heartbeat_never_appears_dies_after_the_timeout_counted_from_first_running()
    {
        Settings = Settings with { HeartbeatTimeout = HeartbeatTimeout };
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        var since = (await GlideinAsync(site, id)).BatchRunningSince;
        Assert.NotNull(since);

        // Exactly the timeout later (6 polls of 5 s): not yet.
        await PollAsync(6);
        var alive = await GlideinAsync(site, id);
        Assert.True(alive.IsLive, $"{alive.Phase} {alive.DeathCause}");

        await PollAsync();
        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.HeartbeatLost, (await GlideinAsync(site, id)).DeathCause));
        var died = (await GlideinAsync(site, id)).History.Single(h => h.Event == nameof(GlideinDied));
        Assert.Equal(since + TimeSpan.FromSeconds(35), died.At);
    }

    [Fact]
    public async Task Heartbeat_clock_of_a_missing_file_survives_a_controller_restart()
    {
        Settings = Settings with { HeartbeatTimeout = HeartbeatTimeout };
        var site = StartSite("site");
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        Assert.NotNull((await GlideinAsync(site, id)).BatchRunningSince);
        var watcher = CreateTestProbe();
        watcher.Watch(site);
        Sys.Stop(site);
        await watcher.ExpectTerminatedAsync(site);

        // The controller is down longer than the timeout; the HPC half never wrote a heartbeat.
        Clock.Advance(HeartbeatTimeout * 2);
        var restarted = StartSite("site");
        await EventuallyAsync(async () => Assert.Single((await SummaryAsync(restarted)).Glideins));
        await PollAsync();

        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.HeartbeatLost, (await GlideinAsync(restarted, id)).DeathCause));
    }

    [Fact]
    public async Task Heartbeat_file_that_disappears_is_timed_from_the_last_heartbeat_seen()
    {
        Settings = Settings with { HeartbeatTimeout = HeartbeatTimeout };
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        Batch.SetAll(BatchJobState.Running);
        var heartbeat = Context.FilesOf(id).Heartbeat;
        for (var i = 0; i < 10; i++)
        {
            HeartbeatFile.Write(heartbeat, Clock.GetUtcNow() + Settings.PollInterval, i);
            await PollAsync();
        }

        // 50 s of fresh heartbeats: well past the timeout counted from the first Running, yet alive.
        Assert.True((await GlideinAsync(site, id)).IsLive);
        File.Delete(heartbeat);
        await PollAsync(6);
        Assert.True((await GlideinAsync(site, id)).IsLive);

        await PollAsync();
        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.HeartbeatLost, (await GlideinAsync(site, id)).DeathCause));
    }

    [Fact]
    public async Task Vacate_is_sent_again_while_its_confirmation_fails_and_the_resend_is_in_the_history()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        var job = Pool.SubmitJobs(1, "alice").Single();
        Bridge.Inner.ClaimSlot(id, job);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Running);
        Condor.DropVacates = 1;

        site.Tell(new ToGlidein(id, new CancelGlidein("operator")));

        // First check right after the (lost) vacate fails: no re-send yet, the shadow gets time.
        await EventuallyAsync(async () => Assert.Equal(1, (await GlideinAsync(site, id)).FailedAttempts));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.VacateJobsAsync)));
        Assert.Equal(CondorJobStatus.Running, GlideinCondorQueries.ToJob(Pool.GetJob(job)!).Status);

        // The retry finds the job still running and sends the vacate again.
        Clock.Advance(Settings.CleanupRetryInitial);
        await EventuallyAsync(async () => Assert.Equal(2, (await GlideinAsync(site, id)).FailedAttempts));
        Assert.Equal(2, Condor.Calls(nameof(IGlideinCondorOps.VacateJobsAsync)));
        var history = (await GlideinAsync(site, id)).History;
        Assert.Contains(history, h => h.Event == nameof(GlideinJobsVacated) && h.Detail == "vacate re-sent for " + job);
        Assert.Contains("vacate re-sent", history[^1].Detail, StringComparison.Ordinal);

        // The next retry confirms it.
        Clock.Advance(Settings.CleanupRetryInitial * 2);
        await EventuallyAsync(async () => Assert.Contains(CleanupStep.VacateJobs, (await GlideinAsync(site, id)).CompletedSteps));
        Assert.True(GlideinCondorQueries.ToJob(Pool.GetJob(job)!).IsReleased);
        Assert.Equal(2, Condor.Calls(nameof(IGlideinCondorOps.VacateJobsAsync)));
    }

    private List<bool> SlotsOf(string glideinId) =>
        [.. Pool.QueryStatusAsync(new StatusQuery { Constraint = $"GlideinId == \"{glideinId}\"" }).ToBlockingEnumerable()
            .Select(ad => ad.Evaluate("Start").TryGetBoolean(out var start) && start)];
}
