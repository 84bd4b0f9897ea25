using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Persistence.Sqlite;

/// <summary>Journal in a local SQLite file; writes go through the group-commit queue.</summary>
internal sealed partial class SqliteJournal : IJournal, IGroupCommitJournal
{
    /// <summary>The highest number is the larger of the stored events and the remembered one (see DeleteUpTo).</summary>
    internal const string HighestSql = $"SELECT MAX(h) FROM ({HighestCandidates});";

    private const string HighestCandidates =
        "SELECT MAX(sequence_number) AS h FROM journal WHERE persistence_id = $pid " +
        "UNION ALL SELECT highest_sequence_number AS h FROM journal_metadata WHERE persistence_id = $pid";

    private readonly SqliteDatabase _database;
    private readonly JournalWriteQueue _queue;
    private int _disposed;

    public SqliteJournal(SqliteDatabase database, bool groupCommit, string writerNode, ILogger<SqliteJournal> logger)
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
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence_number, manifest, payload, timestamp, writer_node FROM journal
                WHERE persistence_id = $pid AND sequence_number BETWEEN $from AND $to
                ORDER BY sequence_number;
                """;
            command.Parameters.AddWithValue("$pid", persistenceId);
            command.Parameters.AddWithValue("$from", fromSequenceNr);
            command.Parameters.AddWithValue("$to", toSequenceNr);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var entry = new JournalEntry(
                    persistenceId,
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    StoredTimestamp.FromText(reader.GetString(3)),
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
            using var command = connection.CreateCommand();
            command.CommandText = HighestSql;
            command.Parameters.AddWithValue("$pid", persistenceId);
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is long highest ? highest : 0;
        }
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                // Remember the highest number first, so it survives the deletion of its event.
                using (var remember = connection.CreateCommand())
                {
                    remember.Transaction = transaction;
                    remember.CommandText = $"""
                        INSERT INTO journal_metadata (persistence_id, highest_sequence_number)
                        SELECT $pid, m FROM (SELECT MAX(h) AS m FROM ({HighestCandidates})) WHERE m IS NOT NULL
                        ON CONFLICT (persistence_id) DO UPDATE SET
                            highest_sequence_number = MAX(highest_sequence_number, excluded.highest_sequence_number);
                        """;
                    remember.Parameters.AddWithValue("$pid", persistenceId);
                    await remember.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM journal WHERE persistence_id = $pid AND sequence_number <= $to;";
                delete.Parameters.AddWithValue("$pid", persistenceId);
                delete.Parameters.AddWithValue("$to", toSequenceNr);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _queue.DisposeAsync().ConfigureAwait(false);
        await CloseWriterAsync().ConfigureAwait(false);
    }
}
