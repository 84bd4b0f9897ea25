using Microsoft.Data.Sqlite;

namespace CondorActors.Kernel.Persistence.Sqlite;

/// <summary>
/// The SQLite file shared by the journal and the snapshot store: connection settings, schema
/// set-up and the in-process write gate.
/// </summary>
/// <remarks>
/// Durability: WAL mode with <c>synchronous=FULL</c>, so every commit fsyncs the WAL before the
/// write is acknowledged. That survives a process SIGKILL and also power loss or a kernel crash.
/// WAL with <c>synchronous=NORMAL</c> would survive SIGKILL too (the committed pages sit in the OS
/// page cache) but could lose the last acknowledged commits on power loss; group commit already
/// spreads one fsync over many writers, so FULL costs little and is the default here.
/// </remarks>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    /// <summary>How long a statement waits for another process's write lock before failing.</summary>
    internal const int BusyTimeoutSeconds = 30;

    /// <summary>
    /// WAL pages after which a commit checkpoints them into the database file (SQLite's default is
    /// 1,000). Under group commit one flush appends a few hundred pages, so the default checkpoints
    /// after nearly every flush and writes the same hot index pages back again and again; with
    /// 10,000 (about 40 MB of WAL) a checkpoint writes each hot page once for many flushes.
    /// Durability does not depend on it: a commit is acknowledged once the WAL is fsynced.
    /// </summary>
    internal const int WalAutoCheckpointPages = 10_000;

    /// <summary>Bytes a WAL file is truncated to after a checkpoint, should readers have let it grow past that.</summary>
    internal const long WalSizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Page cache of an ordinary connection in KiB (SQLite's default). Set on every open because
    /// connections are pooled and the journal's flush connection enlarges its own cache: a pooled
    /// connection handed out again gets the default back (and frees the extra pages).
    /// </summary>
    internal const int DefaultCacheKib = 2000;

    private readonly string _connectionString;
    private readonly SchemaInitializer _schema;

    public SqliteDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
        _schema = new SchemaInitializer(InitializeAsync);
    }

    public string Path { get; }

    /// <summary>
    /// Serializes this process's writers (journal flushes, deletes, snapshot saves) so they queue
    /// here instead of spinning on SQLite's busy handler; other processes still meet the busy timeout.
    /// </summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    /// <summary>Opens a connection (from the pool) with this store's pragmas, after the schema is in place.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction under the write gate.</summary>
    public async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // deferred: false => BEGIN IMMEDIATE: take the write lock now, not on first write.
                using var transaction = connection.BeginTransaction(deferred: false);
                await work(connection, transaction).ConfigureAwait(false);
                transaction.Commit();
            }
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>Lets the file be deleted: pooled connections hold it open otherwise.</summary>
    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        WriteGate.Dispose();
        return ValueTask.CompletedTask;
    }

    internal async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            // These are per connection; journal_mode=WAL is stored in the file.
            pragma.CommandText = $"""
                PRAGMA synchronous=FULL;
                PRAGMA busy_timeout={BusyTimeoutSeconds * 1000};
                PRAGMA wal_autocheckpoint={WalAutoCheckpointPages};
                PRAGMA journal_size_limit={WalSizeLimitBytes};
                PRAGMA cache_size=-{DefaultCacheKib};
                """;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"SQLite journal '{Path}' could not switch to WAL mode (got '{mode}').");
                }
            }

            await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }
}
