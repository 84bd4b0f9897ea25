using CondorActors.Kernel.Actors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CondorActors.Domain.Condor.Queries;

/// <summary>Registers <see cref="CondorQueries"/> over the registered gateway and actor system.</summary>
public static class CondorQueriesServiceCollectionExtensions
{
    public static IServiceCollection AddCondorQueries(this IServiceCollection services, QueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(provider => new CondorQueries(
            provider.GetRequiredService<ActorSystem>(),
            provider.GetRequiredService<ICondorGateway>(),
            provider.GetRequiredService<QueryOptions>()));
        return services;
    }
}
