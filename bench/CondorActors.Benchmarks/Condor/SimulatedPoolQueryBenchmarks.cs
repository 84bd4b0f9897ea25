using BenchmarkDotNet.Attributes;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Benchmarks.Condor;

/// <summary>
/// Enumerating a simulated queue of 100,000 jobs through <see cref="ICondorGateway"/>: whole ads,
/// a projection, and a constraint, against a baseline that walks the same queue reading only ids
/// (the cost of the snapshot and the async enumeration, without building ads).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SimulatedPoolQueryBenchmarks
{
    private SimulatedCondorPool _pool = null!;

    [GlobalSetup]
    public void Setup() => _pool = new SimulatedCondorPool(new SimulatedPoolOptions { SeedJobs = 100_000 });

    [Benchmark(Baseline = true)]
    public async Task<int> Enumerate_one_cluster_scan() =>
        await Count(_pool.QueryJobsAsync(new JobQuery { Cluster = 1_000_000 }));

    [Benchmark]
    public async Task<int> Whole_ads() => await Count(_pool.QueryJobsAsync(new JobQuery()));

    [Benchmark]
    public async Task<int> Projection_of_three() =>
        await Count(_pool.QueryJobsAsync(new JobQuery { Projection = ["JobStatus", "Owner", "RemoteHost"] }));

    [Benchmark]
    public async Task<int> Constraint_running() =>
        await Count(_pool.QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 2 && Owner == \"testuser\"" }));

    private static async Task<int> Count(IAsyncEnumerable<Domain.ClassAds.ClassAd> ads)
    {
        var count = 0;
        await foreach (var ad in ads)
        {
            count += ad.Count > 0 ? 1 : 0;
        }

        return count;
    }
}
