using CondorActors.Domain.Glideins;

namespace CondorActors.Server.Hosting;

/// <summary>
/// Stands in for the process-tree bridge half on the cli backend until it is built: starting one
/// fails with a clear reason (the split glidein dies with it in its history and is cleaned up);
/// stopping or finding none is success, as the contract of <see cref="IBridgeHalf"/> asks.
/// </summary>
internal sealed class MissingBridgeHalf : IBridgeHalf
{
    public const string Reason = "this build has no bridge condor_startd for the cli backend; use mode = pilot or the simulated backend";

    public Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default) =>
        Task.FromException<BridgeHandle>(new NotSupportedException(Reason));

    public Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public bool IsAlive(string glideinId, BridgeHandle handle) => false;

    public Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
