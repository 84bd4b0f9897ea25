namespace CondorActors.Domain.Glideins;

/// <summary>
/// The bridge half of a split glidein: the startd on the bridge node that advertises the slots.
/// The simulated one advertises into the simulated pool; a real one is a <c>condor_startd</c>
/// process tree started from the site's command template. Every method is idempotent.
/// </summary>
public interface IBridgeHalf
{
    /// <summary>Starts (or finds running) the bridge half; it advertises with <c>START = False</c> until made willing.</summary>
    Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default);

    /// <summary>Makes the startd willing (batch job runs) or unwilling (pending, draining).</summary>
    Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default);

    /// <summary>False once the bridge half has exited (a local check, no command).</summary>
    bool IsAlive(string glideinId, BridgeHandle handle);

    /// <summary>Stops the bridge half's whole process tree; nothing to stop is success.</summary>
    Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default);
}

/// <summary>How to find a bridge half again after a restart: its pid and start time when it is a process.</summary>
public sealed record BridgeHandle(int? Pid, ulong? StartTicks);

/// <summary>What a bridge half needs to start.</summary>
public sealed record BridgeStartRequest(string GlideinId, string Site, string? BatchJobId, GlideinSpec Spec, GlideinFiles Files);
