using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Kernel.Persistence;

/// <summary>Registers the journal and snapshot store chosen by <see cref="JournalOptions"/>.</summary>
public static class JournalServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJournal"/> and <see cref="ISnapshotStore"/> as singletons (SQLite under
    /// the data folder by default, or PostgreSQL), the options themselves, and a hosted service that
    /// creates or migrates the schema at start-up. Disposing the provider flushes pending writes.
    /// </summary>
    public static IServiceCollection AddJournal(this IServiceCollection services, JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(sp => JournalStores.Create(options, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddSingleton(sp => sp.GetRequiredService<JournalStores>().Journal);
        services.AddSingleton(sp => sp.GetRequiredService<JournalStores>().SnapshotStore);
        services.AddHostedService<JournalSchemaStartup>();
        return services;
    }

    private sealed class JournalSchemaStartup(JournalStores stores) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => stores.EnsureSchemaAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
