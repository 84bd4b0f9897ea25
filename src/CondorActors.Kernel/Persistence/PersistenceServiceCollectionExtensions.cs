using CondorActors.Kernel.Persistence.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CondorActors.Kernel.Persistence;

/// <summary>DI registration of the pieces persistent actors take from the container.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Adds event types to the singleton <see cref="EventTypeRegistry"/>; each module of the
    /// application may call it for its own events.
    /// </summary>
    public static IServiceCollection AddEventTypes(this IServiceCollection services, Action<EventTypeRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        services.AddSingleton(new EventTypeRegistration(register));
        services.TryAddSingleton(provider =>
        {
            var registry = new EventTypeRegistry();
            foreach (var registration in provider.GetServices<EventTypeRegistration>())
            {
                registration.Register(registry);
            }

            return registry;
        });
        return services;
    }

    /// <summary>In-memory journal and snapshot store (tests, simulations; nothing survives the process).</summary>
    public static IServiceCollection AddInMemoryPersistence(this IServiceCollection services)
    {
        services.TryAddSingleton<IJournal, InMemoryJournal>();
        services.TryAddSingleton<ISnapshotStore, InMemorySnapshotStore>();
        return services;
    }

    internal sealed record EventTypeRegistration(Action<EventTypeRegistry> Register);
}
