using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;

namespace CondorActors.Server.Hosting;

/// <summary>
/// THE place where a site's glidein operations and bridge half are chosen for the condor backend
/// in use. Simulated: both work against the in-process simulated pool. CLI: the command-line
/// glidein operations and the process-tree bridge half plug in HERE (see the marked case); until
/// they do, sites on the CLI backend are listed as unavailable and take no requests.
/// </summary>
internal static class GlideinBackends
{
    /// <summary>The reason a CLI-backend site takes no requests while its operations are missing.</summary>
    public const string CliMissing = "the cli condor backend has no glidein operations in this build; run with condor.backend = simulated";

    /// <summary>The ports of one site, or null with <paramref name="unavailable"/> saying why there are none.</summary>
    public static (IGlideinCondorOps Condor, IBridgeHalf Bridge)? Create(
        IServiceProvider provider, CondorBackendKind backend, GlideinSiteSettings site, out string? unavailable)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(site);
        unavailable = null;
        switch (backend)
        {
            case CondorBackendKind.Simulated:
                var pool = provider.GetRequiredService<SimulatedCondorPool>();
                return (new SimulatedGlideinCondorOps(pool), new SimulatedBridgeHalf(pool, site.BridgeHost));

            case CondorBackendKind.Cli:
                // PLUG-IN POINT (CLI backend): return (new CliGlideinCondorOps(...), new ProcessBridgeHalf(...))
                // built from the IProcessRunner, the CondorOptions and site.BridgeCommand / site.CollectorHost.
                unavailable = CliMissing;
                return null;

            default:
                throw new ArgumentOutOfRangeException(nameof(backend), backend, null);
        }
    }
}
