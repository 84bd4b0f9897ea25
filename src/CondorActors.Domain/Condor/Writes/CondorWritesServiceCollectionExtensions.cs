using CondorActors.Domain.Condor.Submit;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CondorActors.Domain.Condor.Writes;

/// <summary>Registers <see cref="CondorWrites"/> over the registered scheduler, gateway, journal and actor system.</summary>
public static class CondorWritesServiceCollectionExtensions
{
    public static IServiceCollection AddCondorWrites(this IServiceCollection services, SubmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.AddEventTypes(SubmissionLedger.RegisterEvents);
        services.TryAddSingleton(provider => new CondorWrites(
            provider.GetRequiredService<ActorSystem>(),
            provider.GetRequiredService<ICondorScheduler>(),
            provider.GetRequiredService<ICondorGateway>(),
            provider.GetRequiredService<SubmitOptions>(),
            provider.GetService<CondorOptions>()?.CommandTimeout ?? CondorOptions.DefaultCommandTimeout));
        return services;
    }
}
