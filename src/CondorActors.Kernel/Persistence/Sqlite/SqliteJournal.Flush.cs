using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CondorActors.Kernel.Persistence.Sqlite;

/// <summary>One flush of the group-commit queue: every queued write in one transaction.</summary>
internal sealed partial class SqliteJournal
{
    // SQLite extended result codes (https://sqlite.org/rescode.html).
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Ids whose highest number is remembered between flushes; past this the memory is dropped and refilled.</summary>
    internal const int MaxRememberedIds = 100_000;

    /// <summary>
    /// Page cache of the flush connection in KiB (SQLite's default is 2,000 KiB). Every flush
    /// touches about one unique-index leaf page per writing actor; once the index outgrows the
    /// default cache those pages are re-read from the file on every flush, and a flush's dirty
    /// pages no longer fit, so SQLite spills them to the WAL in the middle of the transaction.
    /// Measured with 1,000 actors: about 130 cache misses and 57 spilled pages per flush with the
    /// default, none with this size (docs/performance.md). SQLite allocates it only as pages are
    /// used; it is one connection, not the pool.
    /// </summary>
    internal const int WriterCacheKib = 64 * 1024;

    // Only the writer loop touches these, one flush at a time.
    private SqliteConnection? _writer;
    private SqliteCommand? _highestOfMany;
    private SqliteCommand? _insert;
    private SqliteCommand? _dataVersion;

    // The highest stored number of ids this connection read or wrote, valid while the file's
    // data_version is unchanged since this connection's last commit (see ReadHighestOfAll).
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly List<string> _unknownIds = [];
    private long _highestDataVersion = -1;

    /// <summary>Flushes that had to query the store for at least one id (tests and diagnostics).</summary>
    internal long HighestQueries { get; private set; }

    private async Task FlushAsync(IReadOnlyList<PendingWrite> writes)
    {
        await _database.EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        await _database.WriteGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureWriterAsync().ConfigureAwait(false);
            using var transaction = _writer!.BeginTransaction(deferred: false);
            _highestOfMany!.Transaction = transaction;
            _insert!.Transaction = transaction;
            _dataVersion!.Transaction = transaction;
            var dataVersion = ReadHighestOfAll(writes);
            foreach (var write in writes)
            {
                WriteOne(transaction, write);
            }

            // Commit fsyncs the WAL (synchronous=FULL): only now are the writes acknowledged.
            transaction.Commit();

            // This connection's own commits leave its data_version unchanged, so the numbers
            // remembered (including this flush's writes) stay valid until another connection commits.
            _highestDataVersion = dataVersion;
        }
        catch
        {
            // The connection may be unusable (I/O error, disk full); start clean next flush. The
            // remembered numbers may include writes that were rolled back: forget them.
            _highest.Clear();
            _highestDataVersion = -1;
            await CloseWriterAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _database.WriteGate.Release();
        }
    }

    /// <summary>
    /// Writes one caller's batch. It is inserted only if it continues the stored sequence, read for
    /// every id of the flush at its start: the transaction is IMMEDIATE, so no other writer can
    /// change it meanwhile, and a write accepted earlier in the same flush moves it on. That makes
    /// gaps and overwrites impossible; the unique index is the backstop should another process slip
    /// in a row. A batch of several events runs inside a savepoint so a refusal undoes it alone and
    /// the flush's other batches stay; a single INSERT needs none, since SQLite undoes a failed
    /// statement on its own.
    /// </summary>
    private void WriteOne(SqliteTransaction transaction, PendingWrite write)
    {
        var highest = _highest[write.PersistenceId];
        if (write.FirstSequenceNr != highest + 1)
        {
            write.Reject(WriteBatchValidation.SequenceMismatch(write, highest));
            return;
        }

        var several = write.Events.Count > 1;
        if (several)
        {
            transaction.Save("w");
        }

        try
        {
            foreach (var entry in write.Events)
            {
                Insert(_insert!, entry);
            }

            if (several)
            {
                transaction.Release("w");
            }

            _highest[write.PersistenceId] = write.LastSequenceNr;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            Undo(transaction, several);

            var duplicate = ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique;
            if (duplicate)
            {
                // The store holds a row this process did not expect: read the id again now, so a
                // later write of it in this flush is checked against the stored number. (A refused
                // payload leaves the remembered number right; forgetting it here made a later write
                // of the same id in this flush fail the whole flush.)
                ReadHighestOf([write.PersistenceId]);
            }

            write.Reject(duplicate
                ? new JournalConcurrencyException(write.PersistenceId, write.FirstSequenceNr)
                : new ArgumentException($"Events of '{write.PersistenceId}' from {write.FirstSequenceNr} were refused by the store: {ex.Message}", ex));
        }
    }

    /// <summary>
    /// Makes sure the highest stored number of every id in the flush is known. Numbers remembered
    /// from earlier flushes are used only if no other connection (another process, or this
    /// process's deletes and snapshot saves) has committed since this connection last did:
    /// SQLite's <c>PRAGMA data_version</c> changes exactly then. It is read inside the IMMEDIATE
    /// transaction, which holds the write lock, so nothing can change after the check. Ids not
    /// remembered are read with one statement (ids passed as a JSON array), not a subquery per
    /// INSERT. Returns the data_version seen.
    /// </summary>
    private long ReadHighestOfAll(IReadOnlyList<PendingWrite> writes)
    {
        var dataVersion = (long)_dataVersion!.ExecuteScalar()!;
        if (dataVersion != _highestDataVersion || _highest.Count > MaxRememberedIds)
        {
            _highest.Clear();
        }

        _unknownIds.Clear();
        foreach (var write in writes)
        {
            if (_highest.TryAdd(write.PersistenceId, 0))
            {
                _unknownIds.Add(write.PersistenceId);
            }
        }

        if (_unknownIds.Count == 0)
        {
            return dataVersion;
        }

        ReadHighestOf(_unknownIds);
        return dataVersion;
    }

    /// <summary>Reads and remembers the highest stored number of <paramref name="ids"/> (one statement).</summary>
    private void ReadHighestOf(List<string> ids)
    {
        HighestQueries++;
        _highestOfMany!.Parameters[0].Value = JsonSerializer.Serialize(ids);
        using var reader = _highestOfMany.ExecuteReader();
        while (reader.Read())
        {
            _highest[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    private static void Undo(SqliteTransaction transaction, bool savepoint)
    {
        if (savepoint)
        {
            transaction.Rollback("w");
            transaction.Release("w");
        }
    }

    private static int Insert(SqliteCommand command, JournalEntry entry)
    {
        // Parameter order as declared in CreateInsert.
        var parameters = command.Parameters;
        parameters[0].Value = entry.PersistenceId;
        parameters[1].Value = entry.SequenceNr;
        parameters[2].Value = entry.Manifest;
        parameters[3].Value = entry.Payload;
        parameters[4].Value = StoredTimestamp.ToText(entry.Timestamp);
        parameters[5].Value = entry.WriterNode;
        return command.ExecuteNonQuery();
    }

    private async Task EnsureWriterAsync()
    {
        if (_writer is not null)
        {
            return;
        }

        _writer = await _database.OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
        using (var cache = _writer.CreateCommand())
        {
            // Negative: a size in KiB rather than in pages.
            cache.CommandText = $"PRAGMA cache_size=-{WriterCacheKib};";
            cache.ExecuteNonQuery();
        }

        _highestOfMany = _writer.CreateCommand();
        _highestOfMany.CommandText = """
            SELECT ids.value, MAX(
                COALESCE((SELECT MAX(sequence_number) FROM journal WHERE persistence_id = ids.value), 0),
                COALESCE((SELECT highest_sequence_number FROM journal_metadata WHERE persistence_id = ids.value), 0))
            FROM json_each($ids) AS ids;
            """;
        _highestOfMany.Parameters.Add("$ids", SqliteType.Text);
        _dataVersion = _writer.CreateCommand();
        _dataVersion.CommandText = "PRAGMA data_version;";
        _insert = CreateInsert(_writer, """
            INSERT INTO journal (persistence_id, sequence_number, manifest, payload, timestamp, writer_node)
            VALUES ($pid, $seq, $manifest, $payload, $ts, $node);
            """);
    }

    private static SqliteCommand CreateInsert(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$pid", SqliteType.Text);
        command.Parameters.Add("$seq", SqliteType.Integer);
        command.Parameters.Add("$manifest", SqliteType.Text);
        command.Parameters.Add("$payload", SqliteType.Text);
        command.Parameters.Add("$ts", SqliteType.Text);
        command.Parameters.Add("$node", SqliteType.Text);
        return command;
    }

    private async Task CloseWriterAsync()
    {
        _highestOfMany?.Dispose();
        _insert?.Dispose();
        _dataVersion?.Dispose();
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _writer = null;
        _highestOfMany = null;
        _insert = null;
        _dataVersion = null;
    }
}
