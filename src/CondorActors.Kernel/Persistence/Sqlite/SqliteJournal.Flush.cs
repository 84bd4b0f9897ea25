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
    private SqliteCommand? _insert;

    private async Task FlushAsync(IReadOnlyList<PendingWrite> writes)
    {
        await _database.EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        await _database.WriteGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureWriterAsync().ConfigureAwait(false);
            using var transaction = _writer!.BeginTransaction(deferred: false);
            _highest!.Transaction = transaction;
            _insert!.Transaction = transaction;
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
    /// Writes one caller's batch inside a savepoint, so a rejected batch leaves the flush's other
    /// batches untouched. The expected-sequence check makes gaps and overwrites impossible; the
    /// primary key is the backstop should another process slip in a row.
    /// </summary>
    private void WriteOne(SqliteTransaction transaction, PendingWrite write)
    {
        _highest!.Parameters["$pid"].Value = write.PersistenceId;
        var highest = _highest.ExecuteScalar() is long stored ? stored : 0;
        if (write.FirstSequenceNr != highest + 1)
        {
            write.Reject(WriteBatchValidation.SequenceMismatch(write, highest));
            return;
        }

        transaction.Save("w");
        try
        {
            foreach (var entry in write.Events)
            {
                var parameters = _insert!.Parameters;
                parameters["$pid"].Value = entry.PersistenceId;
                parameters["$seq"].Value = entry.SequenceNr;
                parameters["$manifest"].Value = entry.Manifest;
                parameters["$payload"].Value = entry.Payload;
                parameters["$ts"].Value = StoredTimestamp.ToText(entry.Timestamp);
                parameters["$node"].Value = entry.WriterNode;
                _insert.ExecuteNonQuery();
            }

            transaction.Release("w");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            transaction.Rollback("w");
            transaction.Release("w");
            write.Reject(ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique
                ? new JournalConcurrencyException(write.PersistenceId, write.FirstSequenceNr)
                : new ArgumentException($"Events of '{write.PersistenceId}' from {write.FirstSequenceNr} were refused by the store: {ex.Message}", ex));
        }
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
        _insert = _writer.CreateCommand();
        _insert.CommandText = """
            INSERT INTO journal (persistence_id, sequence_number, manifest, payload, timestamp, writer_node)
            VALUES ($pid, $seq, $manifest, $payload, $ts, $node);
            """;
        _insert.Parameters.Add("$pid", SqliteType.Text);
        _insert.Parameters.Add("$seq", SqliteType.Integer);
        _insert.Parameters.Add("$manifest", SqliteType.Text);
        _insert.Parameters.Add("$payload", SqliteType.Text);
        _insert.Parameters.Add("$ts", SqliteType.Text);
        _insert.Parameters.Add("$node", SqliteType.Text);
    }

    private async Task CloseWriterAsync()
    {
        _highest?.Dispose();
        _insert?.Dispose();
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _writer = null;
        _highest = null;
        _insert = null;
    }
}
