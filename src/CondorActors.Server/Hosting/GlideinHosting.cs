using CondorActors.Domain.Batch;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Processes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CondorActors.Server.Hosting;

/// <summary>
/// Glideins in the server: at start-up, for each configured site, its batch adapter
/// (<see cref="BatchSystemFactory"/>), its glidein operations and bridge half for the condor
/// backend (<see cref="GlideinBackends"/>), an orphan killer, and one <see cref="SiteActor"/> under
/// <c>/user/sites</c> (through <see cref="GlideinSites"/>). Started by a hosted service, so every
/// glidein not yet cleaned up is recovered at start rather than at the first request.
/// </summary>
internal static class GlideinHosting
{
    /// <summary>Longest wait for a site's answer (they answer from memory; this only guards against a stopped actor).</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddGlideinSites(this IServiceCollection services, CondorActorsSettingsSet settings)
    {
        services.AddEventTypes(GlideinEventTypes.Register);
        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.AddGlideinCondorOps(Path.Combine(Path.GetFullPath(settings.Root.DataDir), "tmp"));
        services.AddSingleton(provider => Create(provider, settings));
        services.AddHostedService<GlideinSitesHostedService>();
        return services;
    }

    private static GlideinSites Create(IServiceProvider provider, CondorActorsSettingsSet settings)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var factory = new BatchSystemFactory(provider.GetRequiredService<IProcessRunner>(), settings.Root.DataDir, timeProvider: time, loggerFactory: provider.GetService<ILoggerFactory>());
        var backend = provider.GetRequiredService<CondorBackendSelection>().Kind;
        var self = RuntimeOptions.SelfCommand(Environment.ProcessPath, typeof(GlideinHosting).Assembly.Location);
        var orphans = new ProcOrphanKiller();
        Directory.CreateDirectory(Path.Combine(Path.GetFullPath(settings.Root.DataDir), "tmp"));
        var sites = new List<GlideinSiteContext>();
        foreach (var (name, site) in settings.Sites.Sites.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var glidein = RuntimeOptions.GlideinSite(name, site, settings, self);
            var ports = GlideinBackends.Create(provider, backend, glidein, self);
            sites.Add(new GlideinSiteContext(glidein, factory.Create(name, site), ports.Condor, ports.Bridge, orphans));
        }

        return new GlideinSites(provider.GetRequiredService<ActorSystem>(), sites, AskTimeout);
    }
}
