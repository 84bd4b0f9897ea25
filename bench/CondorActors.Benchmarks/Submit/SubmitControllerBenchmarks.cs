using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Condor.Submit;
using CondorActors.Domain.Condor.Writes;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Benchmarks.Submit;

/// <summary>
/// The controller-side cost of one <c>POST /v1/jobs</c> with an Idempotency-Key: parse and validate
/// the body, render the description, hash the body, record the intent in the ledger, pass the
/// command through the schedd actor, record the outcome. The scheduler behind it answers at once
/// without queueing anything (what condor_submit and the schedd do with <c>queue N</c> is theirs),
/// so the ratios show whether the controller's share grows with <c>count</c>: it must not.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SubmitControllerBenchmarks
{
    private static readonly SubmitOptions Options = new() { WorkingRoot = Path.Combine(Path.GetTempPath(), "condoractors-bench-work") };

    private ServiceProvider _services = null!;
    private ActorSystem _system = null!;
    private CondorWrites _writes = null!;
    private byte[] _body1 = null!;
    private byte[] _body12k = null!;
    private byte[] _body100k = null!;
    private long _key;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddInMemoryPersistence();
        services.AddEventTypes(_ => { });
        var scheduler = new InstantScheduler();
        var gateway = new SimulatedCondorPool(new SimulatedPoolOptions { Empty = true });
        services.AddSingleton<ICondorScheduler>(scheduler);
        services.AddSingleton<ICondorGateway>(gateway);
        services.AddCondorWrites(Options);
        _services = services.BuildServiceProvider();
        _system = ActorSystem.Create("bench", _services);
        _writes = new CondorWrites(_system, scheduler, gateway, Options, TimeSpan.FromSeconds(30));
        _body1 = Body(1);
        _body12k = Body(12_000);
        _body100k = Body(100_000);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _system.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<SubmitOutcome> Count_1() => SubmitAsync(_body1);

    [Benchmark]
    public Task<SubmitOutcome> Count_12000() => SubmitAsync(_body12k);

    [Benchmark]
    public Task<SubmitOutcome> Count_100000() => SubmitAsync(_body100k);

    /// <summary>Parse + validate + render only (no ledger), for the split of the cost.</summary>
    [Benchmark]
    public SubmitDescription Render_only_count_100000() =>
        SubmitDescriptionBuilder.Build(_body100k, new SubmitContext("alice", "r", Options), Options);

    private Task<SubmitOutcome> SubmitAsync(byte[] body)
    {
        // What the handler does: render with a fresh request id, hash, submit through the ledger.
        SubmitDescription Render(string requestId) => SubmitDescriptionBuilder.Build(body, new SubmitContext("alice", requestId, Options), Options);
        var description = Render(Guid.NewGuid().ToString("D"));
        var key = Interlocked.Increment(ref _key).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _writes.SubmitAsync(description, key, Convert.ToHexStringLower(SHA256.HashData(body)), Render);
    }

    private static byte[] Body(int count) => Encoding.UTF8.GetBytes($$"""
        {
          "executable": "/bin/hostname", "arguments": ["-f"], "count": "{{count}}",
          "output": "out/job.$(Cluster).$(Process).out", "error": "out/job.$(Cluster).$(Process).err", "log": "job.log",
          "request_cpus": 1, "request_memory": "2G", "request_disk": "1G",
          "environment": {"MODE": "bench", "LABEL": "a b"}, "requirements": "OpSys == \"LINUX\" && Memory >= 2048",
          "batch_name": "bench", "attributes": {"Project": "bench", "Tags": ["a", "b"]}
        }
        """);

    /// <summary>A schedd that answers at once: the range condor_submit -terse would print, nothing queued.</summary>
    private sealed class InstantScheduler : ICondorScheduler
    {
        private int _cluster;

        public CondorBackendKind Backend => CondorBackendKind.Simulated;

        public Task<SubmittedJobs> SubmitAsync(string description, int count, CancellationToken cancellationToken = default) =>
            Task.FromResult(new SubmittedJobs(Interlocked.Increment(ref _cluster), 0, count - 1));

        public Task<JobActionResult> ActAsync(JobAction action, JobTarget target, string? reason = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new JobActionResult(action, target, []));
    }
}
