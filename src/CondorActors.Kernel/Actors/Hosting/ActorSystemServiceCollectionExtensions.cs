using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Kernel.Actors;

/// <summary>Registers an actor system with the generic host.</summary>
public static class ActorSystemServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ActorSystem"/> as a singleton (using the container's TimeProvider
    /// when one is registered) and a hosted service that creates it at start and shuts it down
    /// (drain, stop children first, shutdown tasks) when the host stops.
    /// </summary>
    public static IServiceCollection AddActorSystem(this IServiceCollection services, string name, Action<ActorSystemOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddSingleton(provider =>
        {
            var options = new ActorSystemOptions();
            configure?.Invoke(options);
            return ActorSystem.Create(name, provider, provider.GetService<TimeProvider>() ?? TimeProvider.System, options);
        });
        services.AddHostedService<ActorSystemHostedService>();
        return services;
    }
}
