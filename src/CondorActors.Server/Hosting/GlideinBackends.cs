using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;

namespace CondorActors.Server.Hosting;

/// <summary>
/// THE place where a site's glidein operations and bridge half are chosen for the condor backend
/// in use. The operations come from <see cref="GlideinCondorOpsServiceCollectionExtensions"/>
/// (simulated pool, or the command-line tools). The bridge half: simulated, the in-process one
/// advertising into the simulated pool; CLI, a real <c>condor_startd</c> process tree started from
/// the site's <c>bridge-command</c> (<see cref="ProcessBridgeHalf"/>).
/// </summary>
internal static class GlideinBackends
{
    public static (IGlideinCondorOps Condor, IBridgeHalf Bridge) Create(IServiceProvider provider, CondorBackendKind backend, GlideinSiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(site);
        var condor = provider.GetRequiredService<IGlideinCondorOps>();
        return backend switch
        {
            CondorBackendKind.Simulated => (condor, new SimulatedBridgeHalf(provider.GetRequiredService<SimulatedCondorPool>(), site.BridgeHost)),
            CondorBackendKind.Cli => (condor, new ProcessBridgeHalf(
                new ProcessBridgeOptions { Command = site.BridgeCommand }, site, provider.GetService<ILogger<ProcessBridgeHalf>>())),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };
    }
}
