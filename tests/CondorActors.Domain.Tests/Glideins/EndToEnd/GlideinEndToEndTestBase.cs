using System.Collections.Immutable;
using System.Globalization;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Processes;
using CondorActors.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins.EndToEnd;

/// <summary>
/// The whole glidein lifecycle on one machine with real processes: a real <see cref="SiteActor"/>
/// over a real batch system (subclasses), the simulated pool with bridge halves that are real
/// detached processes, the <c>hpc-half</c> stand-in writing the heartbeat inside each batch job,
/// a SQLite journal in a temporary folder, real time with a 1 s poll interval.
/// </summary>
public abstract class GlideinEndToEndTestBase(ITestOutputHelper output) : ActorTestBase(output)
{
    protected static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly string _root = Directory.CreateTempSubdirectory("condoractors-e2e-").FullName;
    private readonly List<(int Pid, ulong Ticks)> _bridges = [];
    private readonly List<string> _batchJobs = [];
    private SiteSummary _summary = new("e2e", "none", 0, ImmutableSortedDictionary<string, GlideinPhase>.Empty);

    protected override TimeSpan DefaultTimeout => TimeSpan.FromSeconds(30);

    /// <summary>What the batch system's own commands may add to the 2-poll bound (slow CI machines included).</summary>
    protected abstract TimeSpan CommandAllowance { get; }

    /// <summary>How long a batch job may take to start running.</summary>
    protected abstract TimeSpan StartAllowance { get; }

    protected string Root => _root;

    private SimulatedCondorPool Pool { get; } = new(new SimulatedPoolOptions { Slots = 0 });

    private GlideinSiteSettings Settings => new()
    {
        Name = "e2e",
        DataDirectory = Path.Combine(_root, "data"),
        PollInterval = PollInterval,
        HeartbeatTimeout = TimeSpan.FromSeconds(5),
        MaxGlideins = 5,
        Retention = TimeSpan.FromSeconds(5),
        CleanupRetryInitial = TimeSpan.FromMilliseconds(250),
        CleanupRetryMax = TimeSpan.FromSeconds(2),
        StepTimeout = TimeSpan.FromSeconds(30),
        HpcHalfCommand = [ProcessBridgeHalfTests.TestProgram, "hpc-half", "{batch_dir}", "1"],
        BridgeHost = "bridge.e2e",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();

        // A failed run must not leave jobs or bridges behind.
        foreach (var job in _batchJobs)
        {
            await CancelExternallyAsync(job);
        }

        var recorded = Directory.EnumerateFiles(_root, "bridge.pid", SearchOption.AllDirectories)
            .Select(path => File.ReadAllText(path).Split(' ', StringSplitOptions.TrimEntries))
            .Select(parts => (Pid: int.Parse(parts[0], CultureInfo.InvariantCulture), Ticks: ulong.Parse(parts[1], CultureInfo.InvariantCulture)));
        foreach (var (pid, ticks) in _bridges.Concat(recorded).Where(b => DetachedProcess.IsSame(b.Pid, b.Ticks)))
        {
            ProcessTree.Signal(pid, ProcessTree.SigKill);
        }

        Directory.Delete(_root, recursive: true);
    }

    protected abstract IBatchSystem CreateBatchSystem();

    /// <summary>Ends a batch job from outside the controller (<c>scancel</c>).</summary>
    protected abstract Task CancelExternallyAsync(string batchJobId);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddJournal(new JournalOptions { DataDir = Path.Combine(_root, "journal") });
        services.AddEventTypes(GlideinEventTypes.Register);
    }

    /// <summary>
    /// 3 glideins: Pending, then Advertising, then Running with a claimed slot each; one batch job
    /// cancelled from outside, one HPC half SIGKILLed: within 2 poll intervals (+ commands) their
    /// ads are gone, their jobs Idle without RemoteHost, their bridges gone; after retention their
    /// folders too. The third drains gracefully and is cleaned up the same way.
    /// </summary>
    protected async Task RunLifecycleAsync()
    {
        var settings = Settings;
        var batch = CreateBatchSystem();
        var bridge = new SimulatedProcessBridgeHalf(
            new ProcessBridgeHalf(new ProcessBridgeOptions { Command = [ProcessBridgeHalfTests.TestProgram, "bridge-half", "{glidein_id}"], StopGracePeriod = TimeSpan.FromSeconds(5) }, settings),
            new SimulatedBridgeHalf(Pool, settings.BridgeHost));
        var context = new GlideinSiteContext(settings, batch, new SimulatedGlideinCondorOps(Pool), bridge, new ProcOrphanKiller());
        var site = Sys.ActorOf(SiteActor.Props(context), "site-e2e");
        var bound = 2 * PollInterval + CommandAllowance;

        var ids = (await site.Ask<GlideinsRequested>(new RequestGlideins(3, new GlideinSpec { SlotsPerNode = 1, Walltime = TimeSpan.FromMinutes(10) }), DefaultTimeout)).GlideinIds;
        await EventuallyAsync(async () => Assert.All(ids, id => Assert.Equal(GlideinPhase.Advertising, Phase(id))), site, StartAllowance + bound);
        foreach (var id in ids)
        {
            var state = await site.Ask<GlideinState>(new ToGlidein(id, GetGlidein.Instance), DefaultTimeout);
            _batchJobs.Add(state.BatchJobId!);
            _bridges.Add((state.BridgePid!.Value, state.BridgeStartTicks!.Value));
            var phases = state.History.Select(h => h.To).Distinct().ToList();
            Assert.Equal([GlideinPhase.Requested, GlideinPhase.Pending, GlideinPhase.Advertising], phases);
            Assert.All(Slots(id), slot => Assert.True(slot.Evaluate("Start").TryGetBoolean(out var start) && start, "willing once the batch job runs"));
        }

        var jobs = ids.ToDictionary(id => id, _ => Pool.SubmitJobs(1, "alice").Single());
        var slots = ids.ToDictionary(id => id, id => bridge.Ads.ClaimSlot(id, jobs[id]));
        await EventuallyAsync(async () => Assert.All(ids, id => Assert.Equal(GlideinPhase.Running, Phase(id))), site, bound);
        var states = new Dictionary<string, GlideinState>();
        foreach (var id in ids)
        {
            states[id] = await site.Ask<GlideinState>(new ToGlidein(id, GetGlidein.Instance), DefaultTimeout);
        }

        // scancel one batch job; SIGKILL the HPC half inside another.
        var (cancelled, killed, drained) = (ids[0], ids[1], ids[2]);
        // Slurm may say RUNNING while the batch script has not yet exec'd the HPC half.
        var hpcHalf = 0;
        await AwaitAssertAsync(() => Assert.NotEqual(0, hpcHalf = FindHpcHalf(context.FilesOf(killed).Batch)), StartAllowance);
        await CancelExternallyAsync(states[cancelled].BatchJobId!);
        ProcessTree.Signal(hpcHalf, ProcessTree.SigKill);

        string[] dead = [cancelled, killed];
        await AwaitAssertAsync(
            () =>
            {
                foreach (var id in dead)
                {
                    Assert.Empty(Slots(id));
                    Assert.True(Job(jobs[id]) is { Status: CondorJobStatus.Idle, RemoteHost: null }, $"job {jobs[id]} of {id} back to Idle without RemoteHost");
                    Assert.False(DetachedProcess.IsSame(states[id].BridgePid!.Value, states[id].BridgeStartTicks!.Value), $"bridge of {id} gone");
                }
            },
            bound);

        // The third was not touched.
        Assert.Single(Slots(drained));
        Assert.Equal(CondorJobStatus.Running, Job(jobs[drained]).Status);

        // After retention their folders are gone and the site forgets them.
        await EventuallyAsync(
            async () =>
            {
                Assert.All(dead, id => Assert.False(Directory.Exists(context.FilesOf(id).Root)));
                Assert.Equal([drained], [.. (await site.Ask<SiteSummary>(GetSite.Instance, DefaultTimeout)).Glideins.Keys]);
            },
            site,
            settings.Retention + bound + CommandAllowance);

        // DELETE /v1/glideins/{id}: drain. No new match; its job finishes; then it is cleaned up.
        site.Tell(new ToGlidein(drained, new DrainGlidein(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5), "DELETE /v1/glideins/" + drained)));
        await EventuallyAsync(async () => Assert.Equal(GlideinPhase.Draining, Phase(drained)), site, bound);
        await AwaitAssertAsync(() => Assert.All(Slots(drained), slot => Assert.True(slot.Evaluate("Start").TryGetBoolean(out var start) && !start, "unwilling while draining")));
        Pool.SetJobStatus(jobs[drained], CondorJobStatus.Completed);
        Pool.UpdateAd("Machine", slots[drained], ad =>
        {
            ad.Set("State", Domain.ClassAds.ClassAdValue.FromString("Unclaimed"));
            ad.Set("Activity", Domain.ClassAds.ClassAdValue.FromString("Idle"));
        });

        await AwaitAssertAsync(
            () =>
            {
                Assert.Empty(Slots(drained));
                Assert.False(DetachedProcess.IsSame(states[drained].BridgePid!.Value, states[drained].BridgeStartTicks!.Value), "bridge of the drained glidein gone");
            },
            bound);
        // Still within its retention: its state and folder are there to look at.
        var drainedState = await site.Ask<GlideinState>(new ToGlidein(drained, GetGlidein.Instance), DefaultTimeout);
        Assert.Equal(GlideinDeathCause.Drained, drainedState.DeathCause);
        Assert.Contains(drainedState.History, h => h.Detail.StartsWith("StopBridgeHalf", StringComparison.Ordinal));

        // Graceful: the stand-in logged its exit on SIGTERM.
        Assert.EndsWith("stopping\n", File.ReadAllText(Path.Combine(context.FilesOf(drained).Log, "bridge.out")), StringComparison.Ordinal);
        Assert.Equal(CondorJobStatus.Completed, Job(jobs[drained]).Status);
        await EventuallyAsync(
            async () =>
            {
                Assert.False(Directory.Exists(context.FilesOf(drained).Root));
                Assert.Empty((await site.Ask<SiteSummary>(GetSite.Instance, DefaultTimeout)).Glideins);
            },
            site,
            settings.Retention + bound + CommandAllowance);

        GlideinPhase Phase(string id) => _summary.Glideins.GetValueOrDefault(id, GlideinPhase.CleanedUp);
    }

    /// <summary>Refreshes the site summary, then runs the assertion, until it passes or the timeout ends.</summary>
    private async Task EventuallyAsync(Func<Task> assert, IActorRef site, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                _summary = await site.Ask<SiteSummary>(GetSite.Instance, DefaultTimeout);

                await assert();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private List<Domain.ClassAds.ClassAd> Slots(string id) =>
        [.. Pool.QueryStatusAsync(new StatusQuery { Constraint = $"GlideinId == \"{id}\"" }).ToBlockingEnumerable()];

    private GlideinJob Job(CondorJobId id) => GlideinCondorQueries.ToJob(Pool.GetJob(id)!);

    /// <summary>The HPC half stand-in running for this batch folder (inside the batch job), found through /proc; 0 when none.</summary>
    private static int FindHpcHalf(string batchDirectory)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (argv.Contains("hpc-half") && argv.Contains(batchDirectory))
            {
                return pid;
            }
        }

        return 0;
    }
}
