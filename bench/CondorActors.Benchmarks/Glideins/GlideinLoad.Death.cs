using System.Diagnostics;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Actors;

namespace CondorActors.Benchmarks.Glideins;

internal static partial class GlideinLoad
{
    /// <summary>
    /// The HPC halves of <paramref name="dying"/> glideins die at one random moment of a poll
    /// interval (their batch jobs end: squeue shows them FAILED). Per glidein: time from that
    /// moment to its job being vacated (Idle, no RemoteHost, in the schedd) and to the vacate
    /// being confirmed by the follow-up query (the VacateJobs cleanup step completing).
    /// </summary>
    private static async Task MeasureDeathAsync(
        IActorRef site, GlideinPopulation population, CycleProbe probe, BenchCondorOps ops, BenchBridgeHalf bridge,
        int count, int dying, TimeSpan pollInterval)
    {
        Console.WriteLine();
        Console.WriteLine($"## 2. {dying:N0} HPC halves die at once: time to their jobs being Idle (real cleanup steps, SQLite journal)");
        await probe.NextCycleAsync(count).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * pollInterval.TotalMilliseconds)).ConfigureAwait(false);

        var stride = count / dying;
        var victims = Enumerable.Range(0, dying).Select(i => i * stride).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var died = Stopwatch.GetTimestamp();
        population.EndBatchJobs(victims);

        var watch = Stopwatch.StartNew();
        while (victims.Any(i => ops.ConfirmedAt(i) == 0))
        {
            if (watch.Elapsed > (pollInterval * 10) + TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{victims.Count(i => ops.ConfirmedAt(i) == 0)} glideins' jobs not confirmed Idle");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        var cleanupCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var detected = probe.FirstPollAfter(died);

        var idle = victims.Select(i => Stopwatch.GetElapsedTime(died, ops.VacatedAt(i))).Order().ToArray();
        var confirmed = victims.Select(i => Stopwatch.GetElapsedTime(died, ops.ConfirmedAt(i))).Order().ToArray();
        var afterPoll = victims.Select(i => Stopwatch.GetElapsedTime(detected, ops.VacatedAt(i))).Order().ToArray();
        Console.WriteLine($"death seen by the poll that started {Ms(Stopwatch.GetElapsedTime(died, detected))} ms after it (poll interval {pollInterval.TotalSeconds:0.###} s)");
        Console.WriteLine($"death -> jobs Idle (vacated):      p50 {Ms(Percentile(idle, 0.50))} ms, p99 {Ms(Percentile(idle, 0.99))} ms, max {Ms(idle[^1])} ms (target p99 <= {2 * pollInterval.TotalSeconds:0.###} s + commands)");
        Console.WriteLine($"death -> vacate confirmed (step):  p50 {Ms(Percentile(confirmed, 0.50))} ms, p99 {Ms(Percentile(confirmed, 0.99))} ms, max {Ms(confirmed[^1])} ms");
        Console.WriteLine($"detecting poll -> jobs Idle:       p50 {Ms(Percentile(afterPoll, 0.50))} ms, p99 {Ms(Percentile(afterPoll, 0.99))} ms, max {Ms(afterPoll[^1])} ms");
        Console.WriteLine($"load average now {LoadAverage()}");
        Console.WriteLine($"process CPU from death to the last confirmation: {Ms(cleanupCpu)} ms");

        var adsLeft = victims.Count(population.AdsPresent);
        var summary = await site.Ask<SiteSummary>(GetSite.Instance, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        var dead = summary.Glideins.Values.Count(p => p == GlideinPhase.Dead);
        var running = summary.Glideins.Values.Count(p => p == GlideinPhase.Running);
        Console.WriteLine($"checks: ads left of dead glideins {adsLeft} (expected 0), bridge halves stopped {bridge.Stopped} (expected {dying}), Dead {dead} (expected {dying}), Running {running} (expected {count - dying})");
        if (adsLeft != 0 || bridge.Stopped != dying || dead != dying || running != count - dying)
        {
            throw new InvalidOperationException("The cleanup did not do what it must.");
        }
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double quantile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
