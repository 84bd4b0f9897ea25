using CondorActors.Domain.Batch;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Processes;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>The simulated backend's bridge half backed by a real process (condoractors-testprog stand-ins).</summary>
public sealed class SimulatedProcessBridgeHalfTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    [Fact]
    public async Task Graceful_stop_removes_the_ads_and_a_bridge_that_needs_SIGKILL_leaves_them_behind()
    {
        var graceful = ProcessBridge("bridge-half");
        var stubborn = ProcessBridge("ignore-sigterm");
        var first = await StartAsync(graceful, "g1");
        var second = await StartAsync(stubborn, "g2");
        Assert.Equal(2, AdsOf("g1"));
        Assert.Equal(2, AdsOf("g2"));

        // Until its handler is in place, even the stubborn one would leave on SIGTERM.
        var stubbornLog = Path.Combine(Context.FilesOf("g2").Log, "bridge.out");
        await AwaitAssertAsync(() => Assert.Contains("ready", File.ReadAllText(stubbornLog), StringComparison.Ordinal));

        await graceful.StopAsync("g1", first);
        await stubborn.StopAsync("g2", second);

        Assert.Equal(0, AdsOf("g1"));
        Assert.Equal(2, AdsOf("g2"));
        Assert.False(graceful.IsAlive("g1", first));
        Assert.False(stubborn.IsAlive("g2", second));
    }

    [Fact]
    public async Task Split_startd_turns_willing_on_the_poll_that_finds_its_batch_job_running()
    {
        var site = StartSite();
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        await AwaitAssertAsync(() => Assert.Equal(2, AdsOf(id)));
        Assert.All(Slots(id), ad => Assert.Equal(ClassAdValue.False, ad.Evaluate("Start")));

        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);

        await AwaitAssertAsync(() => Assert.All(Slots(id), ad => Assert.Equal(ClassAdValue.True, ad.Evaluate("Start"))));
    }

    [Fact]
    public async Task SIGKILLed_bridge_process_leaves_its_ads_behind_and_the_glidein_cleans_them_up()
    {
        var bridge = ProcessBridge("bridge-half");
        var site = Sys.ActorOf(SiteActor.Props(new GlideinSiteContext(Settings, Batch, Condor, bridge, Orphans)));
        var id = (await RequestAsync(site, 1)).Single();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        await AwaitAssertAsync(() => Assert.Equal(2, AdsOf(id)));
        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);
        var job = Pool.SubmitJobs(1, "alice").Single();
        bridge.Ads.ClaimSlot(id, job);
        await PollAsync();
        await EventuallyAsync(async () =>
        {
            var now = await GlideinAsync(site, id);
            Assert.True(now.Phase == GlideinPhase.Running, string.Join(" | ", now.History.Select(h => $"{h.To} {h.Event} {h.Detail}")));
        });
        var state = await GlideinAsync(site, id);
        var handle = new BridgeHandle(state.BridgePid, state.BridgeStartTicks);
        Assert.True(DetachedProcess.IsSame(handle.Pid!.Value, handle.StartTicks!.Value));

        ProcessTree.Signal(handle.Pid.Value, ProcessTree.SigKill);
        await AwaitAssertAsync(() => Assert.False(ProcessTree.IsAlive(handle.Pid.Value)));

        // Like a SIGKILLed startd: its ads stay, claimed, and its job still shows Running there.
        Assert.Equal(2, AdsOf(id));
        Assert.Equal(CondorJobStatus.Running, GlideinCondorQueries.ToJob(Pool.GetJob(job)!).Status);

        await PollAsync();
        await EventuallyAsync(async () => Assert.Equal(GlideinDeathCause.BridgeHalfExited, (await GlideinAsync(site, id)).DeathCause));
        await AwaitAssertAsync(() => Assert.Equal(0, AdsOf(id)));
        await AwaitAssertAsync(() => Assert.True(GlideinCondorQueries.ToJob(Pool.GetJob(job)!) is { Status: CondorJobStatus.Idle, IsReleased: true }));
        Assert.Equal(1, Condor.Calls(nameof(IGlideinCondorOps.InvalidateStartdAdsAsync)));

        // Only once the steps before the retention wait are done: advancing the fake clock while a
        // step runs would time that step out and put its retry behind a timer nobody advances.
        await EventuallyAsync(async () => Assert.Contains(CleanupStep.KillOrphans, (await GlideinAsync(site, id)).CompletedSteps));
        Clock.Advance(Settings.Retention);
        await AwaitAssertAsync(() => Assert.False(Directory.Exists(Context.FilesOf(id).Root)));
    }

    private SimulatedProcessBridgeHalf ProcessBridge(string program) =>
        new(
            new ProcessBridgeHalf(
                new ProcessBridgeOptions { Command = [ProcessBridgeHalfTests.TestProgram, program], StopGracePeriod = TimeSpan.FromMilliseconds(500) },
                Settings),
            new SimulatedBridgeHalf(Pool, "bridge.example"));

    private async Task<BridgeHandle> StartAsync(SimulatedProcessBridgeHalf bridge, string id)
    {
        var files = Context.FilesOf(id);
        files.Create();
        await File.WriteAllTextAsync(files.StartdConfig, "# generated\n");
        return await bridge.StartAsync(new BridgeStartRequest(id, Settings.Name, "1", new GlideinSpec { SlotsPerNode = 2 }, files));
    }

    private List<ClassAd> Slots(string id) =>
        [.. Pool.QueryStatusAsync(new StatusQuery { Constraint = $"GlideinId == \"{id}\"" }).ToBlockingEnumerable()];
}
