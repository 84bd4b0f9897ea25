using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Persistence.InMemory;
using CondorActors.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>A site with fake batch system, simulated pool and bridge, a fake clock and an in-memory journal that survives site restarts.</summary>
public abstract class GlideinTestBase : ActorTestBase, IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "condoractors-glideins-" + Guid.NewGuid().ToString("N"));

    protected GlideinTestBase(ITestOutputHelper output)
        : base(output)
    {
        Pool = new SimulatedCondorPool(new SimulatedPoolOptions { Slots = 0 }, Clock);
        Batch = new FakeBatchSystem(Clock);
        Condor = new CountingCondorOps(new SimulatedGlideinCondorOps(Pool));
        Bridge = new CountingBridge(new SimulatedBridgeHalf(Pool, "bridge.example"));
        Settings = new GlideinSiteSettings
        {
            Name = "site-a",
            DataDirectory = _dataDirectory,
            PollInterval = TimeSpan.FromSeconds(5),
            HeartbeatTimeout = null,
            MaxGlideins = 50,
            MaxSlotsPerNode = 8,
            MaxNodesPerJob = 4,
            Retention = TimeSpan.FromMinutes(10),
            CleanupRetryInitial = TimeSpan.FromSeconds(5),
        };
    }

    internal FakeTimeProvider Clock { get; } = new();

    internal SimulatedCondorPool Pool { get; }

    internal FakeBatchSystem Batch { get; }

    internal CountingCondorOps Condor { get; }

    internal CountingBridge Bridge { get; }

    internal CountingOrphanKiller Orphans { get; } = new();

    internal GlideinSiteSettings Settings { get; set; }

    internal InMemoryJournal Journal { get; } = new();

    protected string DataDirectory => _dataDirectory;

    internal GlideinSiteContext Context => new(Settings, Batch, Condor, Bridge, Orphans);

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected override TimeProvider CreateTimeProvider() => Clock;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IJournal>(Journal);
        services.AddSingleton<ISnapshotStore>(new InMemorySnapshotStore());
        services.AddEventTypes(GlideinEventTypes.Register);
    }

    internal IActorRef StartSite(string? name = null) => Sys.ActorOf(SiteActor.Props(Context), name);

    internal async Task<SiteSummary> SummaryAsync(IActorRef site) => await site.Ask<SiteSummary>(GetSite.Instance, TimeSpan.FromSeconds(5));

    internal async Task<GlideinState> GlideinAsync(IActorRef site, string id) => await site.Ask<GlideinState>(new ToGlidein(id, GetGlidein.Instance), TimeSpan.FromSeconds(5));

    /// <summary>Advances the clock one poll interval at a time until the site has run <paramref name="polls"/> more batch polls.</summary>
    internal async Task PollAsync(int polls = 1)
    {
        var target = Batch.StatusCalls + polls;
        while (Batch.StatusCalls < target)
        {
            Clock.Advance(Settings.PollInterval);
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
            while (Batch.StatusCalls < target && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
        }
    }

    internal async Task<IReadOnlyList<string>> RequestAsync(IActorRef site, int count, GlideinSpec? spec = null)
    {
        var answer = await site.Ask<GlideinsRequested>(new RequestGlideins(count, spec ?? new GlideinSpec { SlotsPerNode = 2 }), TimeSpan.FromSeconds(5));
        await AwaitAssertAsync(() => Assert.Equal(count, Batch.Submits));
        return answer.GlideinIds;
    }

    internal async Task AwaitPhaseAsync(IActorRef site, string id, GlideinPhase phase)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await SummaryAsync(site)).Glideins.GetValueOrDefault(id) == phase)
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Glidein {id} did not reach {phase}: {(await SummaryAsync(site)).Glideins.GetValueOrDefault(id)}");
    }

    /// <summary>Runs an asynchronous assertion until it passes (5 s), then rethrows its last failure.</summary>
    internal static async Task EventuallyAsync(Func<Task> assert)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            try
            {
                await assert();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    internal int AdsOf(string glideinId) =>
        Pool.QueryStatusAsync(new StatusQuery { Constraint = $"GlideinId == \"{glideinId}\"" }).ToBlockingEnumerable().Count();
}
