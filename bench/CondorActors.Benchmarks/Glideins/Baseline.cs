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
/// of the collector answer. Thread CPU is not available portably, so each is timed on one thread
/// by Stopwatch over <see cref="Repeats"/> runs after a warm-up.
/// </summary>
internal sealed record Baseline(TimeSpan Squeue, TimeSpan ClassAds, TimeSpan JsonDocument, int SqueueBytes, int StatusBytes)
{
    public const int Repeats = 10;

    public TimeSpan Both => Squeue + ClassAds;

    public static Baseline Measure(GlideinPopulation population)
    {
        var tag = new BatchJobTag(GlideinPopulation.Site);
        var squeue = population.Squeue();
        var status = population.SiteStatus();
        var bytes = Encoding.UTF8.GetBytes(status);
        return new Baseline(
            Time(() => SqueueOutput.Parse(squeue, tag).Count),
            Time(() => ClassAdJson.ParseAds(status).Count),
            Time(() =>
            {
                using var document = System.Text.Json.JsonDocument.Parse(bytes);
                return document.RootElement.GetArrayLength();
            }),
            Encoding.UTF8.GetByteCount(squeue),
            bytes.Length);
    }

    private static TimeSpan Time(Func<int> work)
    {
        var expected = work();
        for (var i = 0; i < 2; i++)
        {
            Check(work(), expected);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Repeats; i++)
        {
            Check(work(), expected);
        }

        return watch.Elapsed / Repeats;
    }

    private static void Check(int count, int expected)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"Baseline parsed {count} items, expected {expected}.");
        }
    }
}
