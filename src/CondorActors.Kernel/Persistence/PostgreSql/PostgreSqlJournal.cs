using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CondorActors.Kernel.Persistence.PostgreSql;

/// <summary>Journal in a PostgreSQL database shared by bridge nodes; writes go through the group-commit queue.</summary>
internal sealed partial class PostgreSqlJournal : IJournal, IGroupCommitJournal
{
    private const string HighestCandidates =
        "SELECT MAX(sequence_number) AS h FROM journal WHERE persistence_id = $1 " +
        "UNION ALL SELECT highest_sequence_number AS h FROM journal_metadata WHERE persistence_id = $1";

    private readonly PostgreSqlDatabase _database;
    private readonly JournalWriteQueue _queue;
    private int _disposed;

    public PostgreSqlJournal(PostgreSqlDatabase database, bool groupCommit, string writerNode, ILogger<PostgreSqlJournal> logger)
    {
        _database = database;
        _queue = new JournalWriteQueue(FlushAsync, groupCommit, writerNode, logger);
    }

    public long FlushCount => _queue.FlushCount;

    public Task WriteAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default) =>
        _queue.EnqueueAsync(events, cancellationToken);

    public async Task ReplayAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        Func<JournalEntry, ValueTask> onEvent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("""
                SELECT sequence_number, manifest, payload::text, timestamp, writer_node FROM journal
                WHERE persistence_id = $1 AND sequence_number BETWEEN $2 AND $3
                ORDER BY sequence_number;
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSequenceNr });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toSequenceNr });
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var entry = new JournalEntry(
                    persistenceId,
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero),
                    reader.GetString(4));
                await onEvent(entry).ConfigureAwait(false);
            }
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand($"SELECT MAX(h) FROM ({HighestCandidates}) AS candidates;", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is long highest ? highest : 0;
        }
    }

    public async Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One implicit transaction: remember the highest number, then delete.
            using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"""
                        INSERT INTO journal_metadata (persistence_id, highest_sequence_number)
                        SELECT $1, m FROM (SELECT MAX(h) AS m FROM ({HighestCandidates}) AS candidates) AS highest WHERE m IS NOT NULL
                        ON CONFLICT (persistence_id) DO UPDATE SET
                            highest_sequence_number = GREATEST(journal_metadata.highest_sequence_number, excluded.highest_sequence_number);
                        """)
                    {
                        Parameters = { new NpgsqlParameter<string> { TypedValue = persistenceId } },
                    },
                    new NpgsqlBatchCommand("DELETE FROM journal WHERE persistence_id = $1 AND sequence_number <= $2;")
                    {
                        Parameters =
                        {
                            new NpgsqlParameter<string> { TypedValue = persistenceId },
                            new NpgsqlParameter<long> { TypedValue = toSequenceNr },
                        },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _queue.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlParameter Array<T>(NpgsqlDbType elementType, T[] values) =>
        new NpgsqlParameter<T[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | elementType,
            TypedValue = values,
        };
}
