using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;

namespace CondorActors.Server.Hosting;

/// <summary>
/// THE place where a site's glidein operations and bridge half are chosen for the condor backend
/// in use. The operations come from <see cref="GlideinCondorOpsServiceCollectionExtensions"/>
/// (simulated pool, or the command-line tools). The bridge half: simulated, the one advertising
/// into the simulated pool; CLI, the process-tree bridge startd plugs in at the marked case (until
/// it does, <see cref="MissingBridgeHalf"/> refuses to start one, so split glideins on the cli
/// backend die at once with that reason and are cleaned up; pilot glideins need no bridge half).
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

            // PLUG-IN POINT (CLI bridge half): new ProcessBridgeHalf(...) from the IProcessRunner,
            // site.BridgeCommand, site.CollectorHost and site.BridgeHost.
            CondorBackendKind.Cli => (condor, new MissingBridgeHalf()),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };
    }
}
