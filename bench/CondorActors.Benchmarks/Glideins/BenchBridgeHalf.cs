using System.Collections.Concurrent;
using CondorActors.Domain.Glideins;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// Bridge halves that are all running (their startds' ads are the population's slot ads); the
/// liveness check, made once per observation of a live split glidein, feeds the cycle probe.
/// </summary>
internal sealed class BenchBridgeHalf(CycleProbe probe) : IBridgeHalf
{
    private readonly ConcurrentDictionary<string, byte> _stopped = new(StringComparer.Ordinal);

    public int Stopped => _stopped.Count;

    public Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new BridgeHandle(null, null));

    public Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public bool IsAlive(string glideinId, BridgeHandle handle)
    {
        probe.OnObserved();
        return !_stopped.ContainsKey(glideinId);
    }

    public Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default)
    {
        _stopped.TryAdd(glideinId, 0);
        return Task.CompletedTask;
    }
}

/// <summary>No orphaned job process is left behind (the benchmark starts no process).</summary>
internal sealed class NoOrphans : IOrphanKiller
{
    public Task<int> KillOrphansAsync(string executeDirectory, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
