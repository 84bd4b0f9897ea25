using Npgsql;
using NpgsqlTypes;

namespace CondorActors.Kernel.Persistence.PostgreSql;

/// <summary>
/// One flush of the group-commit queue. Fast path: one query checks the expected sequence
/// numbers of every write, one INSERT ... unnest writes all accepted events. Only when that insert
/// hits a conflict (another node wrote the same numbers meanwhile) or refused data, the writes are
/// retried one by one inside savepoints so exactly the offending callers fail.
/// </summary>
internal sealed partial class PostgreSqlJournal
{
    private const string InsertSql = """
        INSERT INTO journal (persistence_id, sequence_number, manifest, payload, timestamp, writer_node)
        SELECT e.pid, e.seq, e.manifest, e.payload::jsonb, e.ts, e.node
        FROM unnest($1, $2, $3, $4, $5, $6) AS e(pid, seq, manifest, payload, ts, node);
        """;

    private async Task FlushAsync(IReadOnlyList<PendingWrite> writes)
    {
        var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var accepted = await CheckSequencesAsync(connection, writes).ConfigureAwait(false);
                if (accepted.Count > 0)
                {
                    await transaction.SaveAsync("flush").ConfigureAwait(false);
                    try
                    {
                        await InsertAsync(connection, accepted).ConfigureAwait(false);
                        await transaction.ReleaseAsync("flush").ConfigureAwait(false);
                    }
                    catch (PostgresException ex) when (IsRefusalOfOneWrite(ex))
                    {
                        await transaction.RollbackAsync("flush").ConfigureAwait(false);
                        await InsertOneByOneAsync(connection, transaction, accepted).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Rejects writes that do not continue their id's stored sequence; returns the rest.</summary>
    private static async Task<List<PendingWrite>> CheckSequencesAsync(NpgsqlConnection connection, IReadOnlyList<PendingWrite> writes)
    {
        var ids = writes.Select(w => w.PersistenceId).Distinct(StringComparer.Ordinal).ToArray();
        var highest = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand("""
            SELECT c.pid, MAX(c.h) FROM (
                SELECT persistence_id AS pid, MAX(sequence_number) AS h FROM journal WHERE persistence_id = ANY($1) GROUP BY persistence_id
                UNION ALL
                SELECT persistence_id, highest_sequence_number FROM journal_metadata WHERE persistence_id = ANY($1)
            ) AS c GROUP BY c.pid;
            """, connection))
        {
            command.Parameters.Add(Array(NpgsqlDbType.Text, ids));
            using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                highest[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var accepted = new List<PendingWrite>(writes.Count);
        foreach (var write in writes)
        {
            var stored = highest.GetValueOrDefault(write.PersistenceId);
            if (write.FirstSequenceNr != stored + 1)
            {
                write.Reject(WriteBatchValidation.SequenceMismatch(write, stored));
                continue;
            }

            // A later write of the same id in this flush must continue this one.
            highest[write.PersistenceId] = write.LastSequenceNr;
            accepted.Add(write);
        }

        return accepted;
    }

    private static async Task InsertOneByOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingWrite> writes)
    {
        var refusedFrom = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            if (refusedFrom.TryGetValue(write.PersistenceId, out var expected))
            {
                // An earlier write of this id was refused, so this one would leave a gap.
                write.Reject(new JournalSequenceGapException(write.PersistenceId, expected, write.FirstSequenceNr));
                continue;
            }

            await transaction.SaveAsync("w").ConfigureAwait(false);
            try
            {
                await InsertAsync(connection, [write]).ConfigureAwait(false);
                await transaction.ReleaseAsync("w").ConfigureAwait(false);
            }
            catch (PostgresException ex) when (IsRefusalOfOneWrite(ex))
            {
                await transaction.RollbackAsync("w").ConfigureAwait(false);
                await transaction.ReleaseAsync("w").ConfigureAwait(false);
                refusedFrom[write.PersistenceId] = write.FirstSequenceNr;
                write.Reject(ex.SqlState == PostgresErrorCodes.UniqueViolation
                    ? new JournalConcurrencyException(write.PersistenceId, write.FirstSequenceNr)
                    : new ArgumentException($"Events of '{write.PersistenceId}' from {write.FirstSequenceNr} were refused by the store: {ex.MessageText}", ex));
            }
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<PendingWrite> writes)
    {
        var count = writes.Sum(w => w.Events.Count);
        var ids = new string[count];
        var sequenceNrs = new long[count];
        var manifests = new string[count];
        var payloads = new string[count];
        var timestamps = new DateTime[count];
        var nodes = new string[count];
        var i = 0;
        foreach (var entry in writes.SelectMany(w => w.Events))
        {
            ids[i] = entry.PersistenceId;
            sequenceNrs[i] = entry.SequenceNr;
            manifests[i] = entry.Manifest;
            payloads[i] = entry.Payload;
            timestamps[i] = StoredTimestamp.ToUtcDateTime(entry.Timestamp);
            nodes[i] = entry.WriterNode;
            i++;
        }

        using var command = new NpgsqlCommand(InsertSql, connection);
        command.Parameters.Add(Array(NpgsqlDbType.Text, ids));
        command.Parameters.Add(Array(NpgsqlDbType.Bigint, sequenceNrs));
        command.Parameters.Add(Array(NpgsqlDbType.Text, manifests));
        command.Parameters.Add(Array(NpgsqlDbType.Text, payloads));
        command.Parameters.Add(Array(NpgsqlDbType.TimestampTz, timestamps));
        command.Parameters.Add(Array(NpgsqlDbType.Text, nodes));
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Class 23 (integrity: the unique key) and class 22 (data: invalid JSON, a NUL character) are
    /// caused by one caller's events; anything else (connection lost, server down) fails the flush.
    /// </summary>
    private static bool IsRefusalOfOneWrite(PostgresException ex) =>
        ex.SqlState.StartsWith("23", StringComparison.Ordinal) || ex.SqlState.StartsWith("22", StringComparison.Ordinal);
}
