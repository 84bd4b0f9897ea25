using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CondorActors.Kernel.Persistence.Sqlite;

/// <summary>One flush of the group-commit queue: every queued write in one transaction.</summary>
internal sealed partial class SqliteJournal
{
    // SQLite extended result codes (https://sqlite.org/rescode.html).
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    // Only the writer loop touches these, one flush at a time.
    private SqliteConnection? _writer;
    private SqliteCommand? _highestOfMany;
    private SqliteCommand? _insert;
    private readonly Dictionary<string, long> _highestInFlush = new(StringComparer.Ordinal);

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
            ReadHighestOfAll(writes);
            foreach (var write in writes)
            {
                WriteOne(transaction, write);
            }

            // Commit fsyncs the WAL (synchronous=FULL): only now are the writes acknowledged.
            transaction.Commit();
        }
        catch
        {
            // The connection may be unusable (I/O error, disk full); start clean next flush.
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
        var highest = _highestInFlush[write.PersistenceId];
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

            _highestInFlush[write.PersistenceId] = write.LastSequenceNr;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            Undo(transaction, several);
            write.Reject(ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique
                ? new JournalConcurrencyException(write.PersistenceId, write.FirstSequenceNr)
                : new ArgumentException($"Events of '{write.PersistenceId}' from {write.FirstSequenceNr} were refused by the store: {ex.Message}", ex));
        }
    }

    /// <summary>
    /// One statement for the highest stored number of every id in the flush (ids passed as a JSON
    /// array), instead of a subquery in each INSERT: the per-row statement is then a plain append.
    /// </summary>
    private void ReadHighestOfAll(IReadOnlyList<PendingWrite> writes)
    {
        _highestInFlush.Clear();
        foreach (var write in writes)
        {
            _highestInFlush[write.PersistenceId] = 0;
        }

        _highestOfMany!.Parameters[0].Value = JsonSerializer.Serialize(_highestInFlush.Keys);
        using var reader = _highestOfMany.ExecuteReader();
        while (reader.Read())
        {
            _highestInFlush[reader.GetString(0)] = reader.GetInt64(1);
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
        _highestOfMany = _writer.CreateCommand();
        _highestOfMany.CommandText = """
            SELECT ids.value, MAX(
                COALESCE((SELECT MAX(sequence_number) FROM journal WHERE persistence_id = ids.value), 0),
                COALESCE((SELECT highest_sequence_number FROM journal_metadata WHERE persistence_id = ids.value), 0))
            FROM json_each($ids) AS ids;
            """;
        _highestOfMany.Parameters.Add("$ids", SqliteType.Text);
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
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _writer = null;
        _highestOfMany = null;
        _insert = null;
    }
}
