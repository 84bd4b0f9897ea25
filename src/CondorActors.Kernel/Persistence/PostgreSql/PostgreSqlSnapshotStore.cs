using Npgsql;

namespace CondorActors.Kernel.Persistence.PostgreSql;

/// <summary>Snapshots in the shared PostgreSQL database; a save at an existing number replaces it.</summary>
internal sealed class PostgreSqlSnapshotStore(PostgreSqlDatabase database) : ISnapshotStore
{
    public async Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("""
                INSERT INTO snapshot (persistence_id, sequence_number, manifest, payload, timestamp)
                VALUES ($1, $2, $3, $4::jsonb, $5)
                ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET
                    manifest = excluded.manifest, payload = excluded.payload, timestamp = excluded.timestamp;
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.PersistenceId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.SequenceNr });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Manifest });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Payload });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = StoredTimestamp.ToUtcDateTime(snapshot.Timestamp) });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr = long.MaxValue, CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("""
                SELECT sequence_number, manifest, payload::text, timestamp FROM snapshot
                WHERE persistence_id = $1 AND sequence_number <= $2
                ORDER BY sequence_number DESC LIMIT 1;
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = maxSequenceNr });
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new SnapshotEntry(
                persistenceId,
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero));
        }
    }

    public async Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("DELETE FROM snapshot WHERE persistence_id = $1 AND sequence_number <= $2;", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toSequenceNr });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The shared data source is owned and disposed by whoever created it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
