using CondorActors.Domain.Glideins;

namespace CondorActors.Server.Hosting;

/// <summary>
/// Creates the sites when the host starts: being constructed with <see cref="GlideinSites"/> is
/// what starts the <c>sites</c> actor, so every glidein not yet cleaned up is recovered (and its
/// site polled) at start-up, not at the first glidein request.
/// </summary>
internal sealed class GlideinSitesHostedService(GlideinSites sites) : IHostedService
{
    public GlideinSites Sites { get; } = sites;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
