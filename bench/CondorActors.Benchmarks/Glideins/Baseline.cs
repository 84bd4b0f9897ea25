using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// What a poll cycle cannot avoid, measured in the same process: parsing the two answers alone
/// (squeue text into statuses, condor_status JSON into ClassAds), and a plain JsonDocument.Parse
/// of the collector answer. Each runs on one thread <see cref="Repeats"/> times after a warm-up
/// and is timed by process CPU time (like the cycle, so the ratio compares CPU with CPU; the
/// idle actor system adds next to nothing), with the wall time kept for reference.
/// </summary>
internal sealed record Baseline(TimeSpan Squeue, TimeSpan ClassAds, TimeSpan JsonDocument, TimeSpan BothWall, int SqueueBytes, int StatusBytes)
{
    public const int Repeats = 10;

    public TimeSpan Both => Squeue + ClassAds;

    public static Baseline Measure(GlideinPopulation population)
    {
        var tag = new BatchJobTag(GlideinPopulation.Site);
        var squeue = population.Squeue();
        var status = population.SiteStatus();
        var bytes = Encoding.UTF8.GetBytes(status);
        var squeueTime = Time(() => SqueueOutput.Parse(squeue, tag).Count);
        var classAdsTime = Time(() => ClassAdJson.ParseAds(status).Count);
        return new Baseline(
            squeueTime.Cpu,
            classAdsTime.Cpu,
            Time(() =>
            {
                using var document = System.Text.Json.JsonDocument.Parse(bytes);
                return document.RootElement.GetArrayLength();
            }).Cpu,
            squeueTime.Wall + classAdsTime.Wall,
            Encoding.UTF8.GetByteCount(squeue),
            bytes.Length);
    }

    private static (TimeSpan Cpu, TimeSpan Wall) Time(Func<int> work)
    {
        var expected = work();
        for (var i = 0; i < 2; i++)
        {
            Check(work(), expected);
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Repeats; i++)
        {
            Check(work(), expected);
        }

        var wall = watch.Elapsed / Repeats;
        process.Refresh();
        return ((process.TotalProcessorTime - cpu) / Repeats, wall);
    }

    private static void Check(int count, int expected)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"Baseline parsed {count} items, expected {expected}.");
        }
    }
}
