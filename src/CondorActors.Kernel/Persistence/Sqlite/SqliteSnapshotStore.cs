namespace CondorActors.Kernel.Persistence.Sqlite;

/// <summary>Snapshots in the same SQLite file as the journal; a save at an existing number replaces it.</summary>
internal sealed class SqliteSnapshotStore(SqliteDatabase database) : ISnapshotStore
{
    public Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO snapshot (persistence_id, sequence_number, manifest, payload, timestamp)
                    VALUES ($pid, $seq, $manifest, $payload, $ts)
                    ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET
                        manifest = excluded.manifest, payload = excluded.payload, timestamp = excluded.timestamp;
                    """;
                command.Parameters.AddWithValue("$pid", snapshot.PersistenceId);
                command.Parameters.AddWithValue("$seq", snapshot.SequenceNr);
                command.Parameters.AddWithValue("$manifest", snapshot.Manifest);
                command.Parameters.AddWithValue("$payload", snapshot.Payload);
                command.Parameters.AddWithValue("$ts", StoredTimestamp.ToText(snapshot.Timestamp));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr = long.MaxValue, CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence_number, manifest, payload, timestamp FROM snapshot
                WHERE persistence_id = $pid AND sequence_number <= $max
                ORDER BY sequence_number DESC LIMIT 1;
                """;
            command.Parameters.AddWithValue("$pid", persistenceId);
            command.Parameters.AddWithValue("$max", maxSequenceNr);
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
                StoredTimestamp.FromText(reader.GetString(3)));
        }
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM snapshot WHERE persistence_id = $pid AND sequence_number <= $to;";
                command.Parameters.AddWithValue("$pid", persistenceId);
                command.Parameters.AddWithValue("$to", toSequenceNr);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    // The shared database is owned and disposed by whoever created it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
