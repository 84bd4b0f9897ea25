using System.Diagnostics;
using System.Globalization;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// Whole-controller glidein measurements (<c>-- glideins [count] [dying] [poll-seconds] [latency-ms]</c>),
/// outside BenchmarkDotNet because they need one long-lived actor system and real time:
/// (3) recovery of <c>count</c> Running glideins from the SQLite journal, (1) CPU time of one
/// poll cycle against a baseline measured in the same run, and the controller's memory, and
/// (2) time from the death of <c>dying</c> glideins' HPC halves to their jobs being Idle.
/// The site runs the real <see cref="SlurmBatchSystem"/> over a fake squeue, the real
/// <see cref="SiteActor"/> and <see cref="GlideinActor"/>s, and parses condor JSON text.
/// </summary>
internal static partial class GlideinLoad
{
    public static async Task<int> RunAsync(int count, int dying, TimeSpan pollInterval, TimeSpan commandLatency)
    {
        var directory = Path.Combine(Path.GetTempPath(), "condoractors-bench", "glideins-" + Guid.NewGuid().ToString("N"));
        var population = new GlideinPopulation(count);
        var probe = new CycleProbe();
        var settings = new GlideinSiteSettings
        {
            Name = GlideinPopulation.Site,
            DataDirectory = directory,
            PollInterval = pollInterval,
            HeartbeatTimeout = TimeSpan.FromHours(1),
            MaxGlideins = count,
            BridgeHost = GlideinPopulation.Host,
        };
        var journal = new JournalOptions { Provider = JournalOptions.SqliteProvider, DataDir = directory, WriterNode = "bench" };
        Console.WriteLine($"glideins: {count:N0} Running split glideins (1 slot, 1 job each), {dying:N0} dying, poll interval {pollInterval.TotalSeconds:0.###} s, command latency {commandLatency.TotalMilliseconds:0} ms");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        try
        {
            var setup = Stopwatch.StartNew();
            WriteHeartbeats(settings, population);
            Console.WriteLine($"wrote {count:N0} heartbeat files in {setup.Elapsed.TotalSeconds:0.0} s");
            var baseline = Baseline.Measure(population);
            Console.WriteLine();
            Console.WriteLine("## 3. Recovery (site + every glidein replayed, then reconciled by the site's first poll)");
            await SeedAsync(journal, population).ConfigureAwait(false);
            var heapBefore = FullCollect();

            var services = new ServiceCollection().AddJournal(journal).AddEventTypes(GlideinEventTypes.Register).BuildServiceProvider();
            await using (services.ConfigureAwait(false))
            {
                var system = ActorSystem.Create("bench", services);
                var ops = new BenchCondorOps(population) { CommandLatency = commandLatency };
                var bridge = new BenchBridgeHalf(probe);
                var batch = new SlurmBatchSystem(new SlurmSiteOptions { Tag = new BatchJobTag(GlideinPopulation.Site) }, new BenchSlurmRunner(population, probe));
                var context = new GlideinSiteContext(settings, batch, ops, bridge, new NoOrphans());

                var site = await RecoverAsync(system, context, probe, count, "SQLite journal").ConfigureAwait(false);
                await MeasureCyclesAsync(probe, count, baseline).ConfigureAwait(false);
                MeasureMemory(heapBefore);
                await MeasureDeathAsync(site, population, probe, ops, bridge, count, dying, pollInterval).ConfigureAwait(false);
                await system.TerminateAsync().ConfigureAwait(false);
            }

            Console.WriteLine();
            Console.WriteLine("## 3b. Recovery baseline: the same from the in-memory journal, fresh population, JIT already warm (so favoured)");
            await RecoverFromMemoryAsync(settings, new GlideinPopulation(count), count).ConfigureAwait(false);

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The HPC halves' heartbeat files, fresh: every observation of a running glidein reads its own.</summary>
    private static void WriteHeartbeats(GlideinSiteSettings settings, GlideinPopulation population)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var id in population.Ids)
        {
            var files = new GlideinFiles(settings.DataDirectory, settings.Name, id);
            Directory.CreateDirectory(files.Batch);
            HeartbeatFile.Write(files.Heartbeat, now, 1);
        }
    }

    /// <summary>
    /// GLIDEIN_BENCH_SEED=without-running seeds the journal of a controller from before
    /// <see cref="BatchJobObservedRunning"/> existed, so every recovered glidein persists that
    /// event on the site's first poll, all 10,000 at once (the "run 7" case).
    /// </summary>
    private static bool SeedWithoutRunning => Environment.GetEnvironmentVariable("GLIDEIN_BENCH_SEED") == "without-running";

    /// <summary>The journal of a controller that ran the glideins up to Running: the site's index and six events per glidein.</summary>
    private static async Task SeedAsync(JournalOptions options, GlideinPopulation population)
    {
        var watch = Stopwatch.StartNew();
        var services = new ServiceCollection().AddJournal(options).AddEventTypes(GlideinEventTypes.Register).BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            await SeedAsync(services.GetRequiredService<IJournal>(), services.GetRequiredService<EventTypeRegistry>(), population).ConfigureAwait(false);
        }

        Console.WriteLine($"seeded the SQLite journal: {population.Count + 1:N0} persistence ids, {population.Count * 7:N0} events in {watch.Elapsed.TotalSeconds:0.00} s");
    }

    private static async Task SeedAsync(IJournal journal, EventTypeRegistry registry, GlideinPopulation population)
    {
        var at = DateTimeOffset.UtcNow;
        var spec = new GlideinSpec { Nodes = 1, SlotsPerNode = 1, Walltime = TimeSpan.FromHours(24), Mode = GlideinMode.Split };
        JournalEntry Entry(string persistenceId, long sequenceNr, object @event)
        {
            var (manifest, payload) = registry.Serialize(@event);
            return new JournalEntry(persistenceId, sequenceNr, manifest, payload, at, "bench");
        }

        var siteEntries = population.Ids.Select((id, i) => Entry("site-" + GlideinPopulation.Site, i + 1, new SiteGlideinAdded(id, spec, at))).ToList();
        await journal.WriteAsync(siteEntries).ConfigureAwait(false);
        var writes = population.Ids.Select((id, i) =>
        {
            var pid = "glidein-" + id;
            object[] events = SeedWithoutRunning
            ?
            [
                new GlideinRequested(id, GlideinPopulation.Site, spec, "requested", at),
                new BatchJobSubmitted(population.JobIds[i], at),
                new BridgeHalfStarted(null, null, at),
                new GlideinObservedAdvertising(1, at),
                new GlideinObservedClaimed(1, 1, at),
            ]
            :
            [
                new GlideinRequested(id, GlideinPopulation.Site, spec, "requested", at),
                new BatchJobSubmitted(population.JobIds[i], at),
                new BridgeHalfStarted(null, null, at),
                new BatchJobObservedRunning(at),
                new GlideinObservedAdvertising(1, at),
                new GlideinObservedClaimed(1, 1, at),
            ];
            return journal.WriteAsync([.. events.Select((e, n) => Entry(pid, n + 1, e))]);
        });
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    /// <summary>
    /// The same recovery from the in-memory journal (same events, same actors, same first poll):
    /// the baseline that shows what the SQLite round trips add. Runs last, in its own actor system.
    /// </summary>
    private static async Task RecoverFromMemoryAsync(GlideinSiteSettings settings, GlideinPopulation population, int count)
    {
        var services = new ServiceCollection().AddInMemoryPersistence().AddEventTypes(GlideinEventTypes.Register).BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            await SeedAsync(services.GetRequiredService<IJournal>(), services.GetRequiredService<EventTypeRegistry>(), population).ConfigureAwait(false);
            var system = ActorSystem.Create("bench-memory", services);
            var probe = new CycleProbe();
            var context = new GlideinSiteContext(
                settings,
                new SlurmBatchSystem(new SlurmSiteOptions { Tag = new BatchJobTag(GlideinPopulation.Site) }, new BenchSlurmRunner(population, probe)),
                new BenchCondorOps(population),
                new BenchBridgeHalf(probe),
                new NoOrphans());
            await RecoverAsync(system, context, probe, count, "in-memory journal (baseline)").ConfigureAwait(false);
            await system.TerminateAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts the site on the seeded journal and waits until every glidein has recovered AND
    /// processed the observation of the site's first poll (which runs right after the site's own
    /// recovery), i.e. until the controller has reconciled every glidein with squeue and the collector.
    /// </summary>
    private static async Task<IActorRef> RecoverAsync(ActorSystem system, GlideinSiteContext context, CycleProbe probe, int count, string journal)
    {
        var reconciled = probe.NextCycleAsync(count);
        var failures = FailureCounter.SubscribeTo(system);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var site = system.ActorOf(SiteActor.Props(context), "site-" + GlideinPopulation.Site);
        await reconciled.WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var summary = await site.Ask<SiteSummary>(GetSite.Instance, TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        var running = summary.Glideins.Values.Count(p => p == GlideinPhase.Running);
        Console.WriteLine($"recovery from the {journal}: {elapsed.TotalSeconds:0.00} s wall, {used.TotalSeconds:0.00} s CPU (target < 5 s); {running:N0} of {count:N0} glideins Running; {failures}");
        if (running != count)
        {
            var phases = string.Join(", ", summary.Glideins.Values.GroupBy(p => p).Select(g => $"{g.Count():N0} {g.Key}"));
            Console.WriteLine($"site lists {summary.Glideins.Count:N0} glideins: {phases}");
            throw new InvalidOperationException("Not every glidein recovered to Running.");
        }

        return site;
    }

    private static async Task MeasureCyclesAsync(CycleProbe probe, int count, Baseline baseline)
    {
        Console.WriteLine();
        Console.WriteLine("## 1. One poll cycle: squeue parse + collector JSON parse + fan-out + every glidein's observation");
        Console.WriteLine($"baseline, same run (one thread, process CPU, mean of {Baseline.Repeats}): squeue parse {Ms(baseline.Squeue)} ms, ClassAdJson.ParseAds of the collector answer {Ms(baseline.ClassAds)} ms, both {Ms(baseline.Both)} ms (wall {Ms(baseline.BothWall)} ms); JsonDocument.Parse of the collector answer {Ms(baseline.JsonDocument)} ms");
        Console.WriteLine($"collector answer {baseline.StatusBytes / 1024.0 / 1024.0:0.0} MiB, squeue answer {baseline.SqueueBytes / 1024.0 / 1024.0:0.0} MiB");
        // More cycles on request, e.g. to attach a profiler (perf record -p) meanwhile.
        var cycles = int.TryParse(Environment.GetEnvironmentVariable("GLIDEIN_BENCH_CYCLES"), CultureInfo.InvariantCulture, out var n) ? n : 4;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var sample = await probe.NextCycleAsync(count).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            Console.WriteLine(
                $"cycle {cycle}: CPU {Ms(sample.Cpu)} ms (target < 200 ms), wall {Ms(sample.Wall)} ms, " +
                $"CPU / parse-both baseline {sample.Cpu / baseline.Both:0.0}x, CPU / JsonDocument baseline {sample.Cpu / baseline.JsonDocument:0.0}x, gen0 {sample.Gen0}, gen2 {sample.Gen2}");
        }
    }

    private static void MeasureMemory(long heapBefore)
    {
        Console.WriteLine();
        Console.WriteLine("## 1b. Controller memory with every glidein live (after a full blocking compacting GC)");
        var heap = FullCollect();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"managed heap {Mib(heap)} MiB (of which the benchmark's own fixture and runtime before the actor system: {Mib(heapBefore)} MiB), " +
            $"working set {Mib(process.WorkingSet64)} MiB, private {Mib(process.PrivateMemorySize64)} MiB (target < 300 MiB)");
    }

    private static long FullCollect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
