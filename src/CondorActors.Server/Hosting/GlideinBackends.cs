using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;

namespace CondorActors.Server.Hosting;

/// <summary>
/// THE place where a site's glidein operations and bridge half are chosen for the condor backend
/// in use. The operations come from <see cref="GlideinCondorOpsServiceCollectionExtensions"/>
/// (simulated pool, or the command-line tools). The bridge half: simulated, a real local process
/// (this executable's <c>bridge-half</c> command, started by <c>self</c>, see <see cref="RuntimeOptions.SelfCommand"/>) whose slots
/// are advertised into the simulated pool while it runs (<see cref="SimulatedProcessBridgeHalf"/>); CLI, a real <c>condor_startd</c> process tree started from
/// the site's <c>bridge-command</c> (<see cref="ProcessBridgeHalf"/>).
/// </summary>
internal static class GlideinBackends
{
    public static (IGlideinCondorOps Condor, IBridgeHalf Bridge) Create(IServiceProvider provider, CondorBackendKind backend, GlideinSiteSettings site, IReadOnlyList<string> self)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(self);
        var condor = provider.GetRequiredService<IGlideinCondorOps>();
        return backend switch
        {
            CondorBackendKind.Simulated => (condor, new SimulatedProcessBridgeHalf(
                new ProcessBridgeHalf(SimulatedProcessBridgeHalf.OptionsFor(self), site, provider.GetService<ILogger<ProcessBridgeHalf>>()),
                new SimulatedBridgeHalf(provider.GetRequiredService<SimulatedCondorPool>(), site.BridgeHost))),
            CondorBackendKind.Cli => (condor, new ProcessBridgeHalf(
                new ProcessBridgeOptions { Command = site.BridgeCommand }, site, provider.GetService<ILogger<ProcessBridgeHalf>>())),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };
    }
}
