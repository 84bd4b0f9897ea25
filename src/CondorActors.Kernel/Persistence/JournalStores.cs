using CondorActors.Kernel.Persistence.PostgreSql;
using CondorActors.Kernel.Persistence.Sqlite;
using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Persistence;

/// <summary>
/// The journal and snapshot store of one configuration, built over one shared backend (SQLite
/// file or PostgreSQL data source). Disposal flushes pending writes, then closes the backend.
/// </summary>
internal sealed class JournalStores : IAsyncDisposable
{
    private readonly IAsyncDisposable _backend;
    private readonly Func<CancellationToken, Task> _ensureSchema;

    private JournalStores(IJournal journal, ISnapshotStore snapshotStore, IAsyncDisposable backend, Func<CancellationToken, Task> ensureSchema)
    {
        Journal = journal;
        SnapshotStore = snapshotStore;
        _backend = backend;
        _ensureSchema = ensureSchema;
    }

    public IJournal Journal { get; }

    public ISnapshotStore SnapshotStore { get; }

    public static JournalStores Create(JournalOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (string.Equals(options.Provider, JournalOptions.PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            var database = new PostgreSqlDatabase(options.ConnectionString!);
            return new JournalStores(
                new PostgreSqlJournal(database, options.GroupCommit, options.WriterNode, loggerFactory.CreateLogger<PostgreSqlJournal>()),
                new PostgreSqlSnapshotStore(database),
                database,
                database.EnsureSchemaAsync);
        }

        var sqlite = new SqliteDatabase(options.SqlitePath);
        return new JournalStores(
            new SqliteJournal(sqlite, options.GroupCommit, options.WriterNode, loggerFactory.CreateLogger<SqliteJournal>()),
            new SqliteSnapshotStore(sqlite),
            sqlite,
            sqlite.EnsureSchemaAsync);
    }

    /// <summary>Creates or migrates the schema now instead of on first use, so errors show at start-up.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _ensureSchema(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync().ConfigureAwait(false);
        await SnapshotStore.DisposeAsync().ConfigureAwait(false);
        await _backend.DisposeAsync().ConfigureAwait(false);
    }
}
