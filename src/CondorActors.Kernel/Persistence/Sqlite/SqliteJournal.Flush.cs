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
    private SqliteCommand? _highest;
    private SqliteCommand? _insertFirst;
    private SqliteCommand? _insertNext;

    private async Task FlushAsync(IReadOnlyList<PendingWrite> writes)
    {
        await _database.EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        await _database.WriteGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureWriterAsync().ConfigureAwait(false);
            using var transaction = _writer!.BeginTransaction(deferred: false);
            _highest!.Transaction = transaction;
            _insertFirst!.Transaction = transaction;
            _insertNext!.Transaction = transaction;
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
    /// Writes one caller's batch. The first event is inserted only if it continues the stored
    /// sequence (checked in the same statement), which makes gaps and overwrites impossible; the
    /// primary key is the backstop should another process slip in a row. A batch of several events
    /// runs inside a savepoint so a refusal undoes it alone and the flush's other batches stay; a
    /// single INSERT needs none, since SQLite undoes a failed statement on its own.
    /// </summary>
    private void WriteOne(SqliteTransaction transaction, PendingWrite write)
    {
        var several = write.Events.Count > 1;
        if (several)
        {
            transaction.Save("w");
        }

        try
        {
            if (Insert(_insertFirst!, write.Events[0]) == 0)
            {
                Undo(transaction, several);
                write.Reject(WriteBatchValidation.SequenceMismatch(write, ReadHighest(write.PersistenceId)));
                return;
            }

            for (var i = 1; i < write.Events.Count; i++)
            {
                Insert(_insertNext!, write.Events[i]);
            }

            if (several)
            {
                transaction.Release("w");
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            Undo(transaction, several);
            write.Reject(ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique
                ? new JournalConcurrencyException(write.PersistenceId, write.FirstSequenceNr)
                : new ArgumentException($"Events of '{write.PersistenceId}' from {write.FirstSequenceNr} were refused by the store: {ex.Message}", ex));
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

    private long ReadHighest(string persistenceId)
    {
        _highest!.Parameters[0].Value = persistenceId;
        return _highest.ExecuteScalar() is long stored ? stored : 0;
    }

    private async Task EnsureWriterAsync()
    {
        if (_writer is not null)
        {
            return;
        }

        _writer = await _database.OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
        _highest = _writer.CreateCommand();
        _highest.CommandText = HighestSql;
        _highest.Parameters.Add("$pid", SqliteType.Text);
        _insertFirst = CreateInsert(_writer, $"""
            INSERT INTO journal (persistence_id, sequence_number, manifest, payload, timestamp, writer_node)
            SELECT $pid, $seq, $manifest, $payload, $ts, $node
            WHERE $seq = 1 + COALESCE(({HighestSql.TrimEnd(';')}), 0);
            """);
        _insertNext = CreateInsert(_writer, """
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
        _highest?.Dispose();
        _insertFirst?.Dispose();
        _insertNext?.Dispose();
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _writer = null;
        _highest = null;
        _insertFirst = null;
        _insertNext = null;
    }
}
