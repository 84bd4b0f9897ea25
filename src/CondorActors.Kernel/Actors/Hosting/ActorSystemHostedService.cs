using Microsoft.Extensions.Hosting;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// Ties the actor system to the host's lifetime. Hosted services stop in reverse order of
/// registration, so ASP.NET's server (registered later) stops taking requests before this runs.
/// </summary>
internal sealed class ActorSystemHostedService(ActorSystem system) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => system.TerminateAsync(cancellationToken: cancellationToken);
}
