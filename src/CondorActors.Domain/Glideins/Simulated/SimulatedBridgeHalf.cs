using System.Collections.Concurrent;
using System.Globalization;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Domain.Glideins.Simulated;

/// <summary>
/// A bridge half that advertises the glidein's slots into the simulated pool while it "runs",
/// like a split startd on the bridge node: <c>START = False</c> and GlideinState "Pending" until
/// made willing. Stopping it removes its ads (as a graceful SIGTERM of a startd does);
/// <see cref="Crash"/> leaves them behind (as SIGKILL does), which the controller must clean up.
/// </summary>
public sealed class SimulatedBridgeHalf(SimulatedCondorPool pool, string host) : IBridgeHalf
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _running = new(StringComparer.Ordinal);

    public Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = new List<string>();
        for (var node = 0; node < request.Spec.Nodes; node++)
        {
            for (var slot = 1; slot <= request.Spec.SlotsPerNode; slot++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"slot{slot}@glidein_{request.GlideinId}_{node}@{host}");
                names.Add(name);
                pool.AdvertiseSlot(name, host, ad =>
                {
                    ad.Set("GlideinId", ClassAdValue.FromString(request.GlideinId));
                    ad.Set("GlideinSite", ClassAdValue.FromString(request.Site));
                    ad.Set("GlideinBatchJobId", ClassAdValue.FromString(request.BatchJobId ?? string.Empty));
                    ad.Set("GlideinState", ClassAdValue.FromString("Pending"));
                    ad.Set("Start", ClassAdValue.False);
                    foreach (var (attribute, value) in request.Spec.Attributes)
                    {
                        ad.Set(attribute, ClassAdValue.FromString(value));
                    }
                });
            }
        }

        _running[request.GlideinId] = names;
        return Task.FromResult(new BridgeHandle(null, null));
    }

    public Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default)
    {
        foreach (var name in _running.GetValueOrDefault(glideinId) ?? [])
        {
            pool.UpdateAd("Machine", name, ad =>
            {
                ad.Set("Start", ClassAdValue.FromBoolean(willing));
                ad.Set("GlideinState", ClassAdValue.FromString(willing ? "Running" : "Draining"));
            });
        }

        return Task.CompletedTask;
    }

    public bool IsAlive(string glideinId, BridgeHandle handle) => _running.ContainsKey(glideinId);

    public Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default)
    {
        if (_running.TryRemove(glideinId, out var names))
        {
            foreach (var name in names)
            {
                pool.Invalidate("Machine", name);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The bridge process dies without deadvertising (SIGKILL): its ads stay in the collector.</summary>
    public void Crash(string glideinId) => _running.TryRemove(glideinId, out _);

    /// <summary>A simulated job claims a free slot of the glidein: the slot turns Claimed/Busy and the job Running on it.</summary>
    public string ClaimSlot(string glideinId, CondorJobId job)
    {
        foreach (var name in _running.GetValueOrDefault(glideinId) ?? [])
        {
            var claimed = false;
            pool.UpdateAd("Machine", name, ad =>
            {
                if (ad.Evaluate("State").TryGetString(out var state) && state == "Unclaimed")
                {
                    ad.Set("State", ClassAdValue.FromString("Claimed"));
                    ad.Set("Activity", ClassAdValue.FromString("Busy"));
                    claimed = true;
                }
            });
            if (claimed)
            {
                pool.SetJobStatus(job, CondorJobStatus.Running, remoteHost: name);
                return name;
            }
        }

        throw new InvalidOperationException($"Glidein {glideinId} has no free slot.");
    }
}
