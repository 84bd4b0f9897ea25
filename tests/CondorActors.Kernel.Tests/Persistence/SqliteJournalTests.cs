using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>The journal contract against a SQLite file in a temporary folder.</summary>
public sealed class SqliteJournalTests : JournalContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "condoractors-tests", Guid.NewGuid().ToString("N"));

    protected override Task<JournalOptions> CreateFreshStorageAsync() =>
        Task.FromResult(new JournalOptions { Provider = JournalOptions.SqliteProvider, DataDir = _directory });

    protected override IReadOnlyList<int> KnownSchemaVersions => [.. SqliteSchema.Migrations.Select(m => m.Version)];

    protected override async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(JournalOptions options)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.SqlitePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await SqliteSchema.ReadAppliedVersionsAsync(connection, null, CancellationToken.None);
    }

    protected override Task DeleteStorageAsync(JournalOptions options)
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_file_lives_in_the_data_folder_in_wal_mode()
    {
        await Journal.WriteAsync([Event("g-1", 1)]);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "journal.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_row_slipped_in_behind_the_journal_makes_the_write_fail_not_overwrite()
    {
        await Journal.WriteAsync([Event("g-1", 1)]);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "journal.db"), Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO journal VALUES ('g-1', 2, 'other', '{\"by\":\"other\"}', '2025-01-01T00:00:00.000000Z', 'other-node');";
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync([Event("g-1", 2)]));

        var replayed = await ReplayAllAsync(Journal, "g-1");
        Assert.Equal("other-node", replayed[^1].WriterNode);
    }

    [Fact]
    public async Task A_version_1_journal_is_rebuilt_in_write_order_keeping_its_events_and_unique_key()
    {
        // A file as the first schema left it: the journal clustered by (persistence_id, sequence_number).
        Directory.CreateDirectory(_directory);
        await using (var connection = await OpenFileAsync())
        {
            await ExecuteAsync(connection, $$"""
                PRAGMA journal_mode=WAL;
                CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);
                {{SqliteSchema.Migrations[0].Sql}}
                INSERT INTO schema_version VALUES (1, 'v1', '2025-01-01T00:00:00.000000Z');
                INSERT INTO journal VALUES ('g-1', 1, 'm', '{"n":1}', '2025-01-01T00:00:01.000000Z', 'old-node');
                INSERT INTO journal VALUES ('g-1', 2, 'm', '{"n":2}', '2025-01-01T00:00:02.000000Z', 'old-node');
                INSERT INTO journal_metadata VALUES ('g-2', 7);
                """);
        }

        await Journal.WriteAsync([Event("g-1", 3)]);

        Assert.Equal(KnownSchemaVersions, await ReadSchemaVersionsAsync(StorageOptions));
        var replayed = await ReplayAllAsync(Journal, "g-1");
        Assert.Equal([1L, 2L, 3L], SequenceNrs(replayed));
        Assert.Equal("old-node", replayed[0].WriterNode);
        Assert.Equal(7, await Journal.ReadHighestSequenceNrAsync("g-2"));
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync([Event("g-1", 3)]));
        await using (var connection = await OpenFileAsync())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sql FROM sqlite_schema WHERE name = 'journal';";
            var sql = (string?)await command.ExecuteScalarAsync();
            Assert.DoesNotContain("WITHOUT ROWID", sql, StringComparison.OrdinalIgnoreCase);
            await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(
                connection, "INSERT INTO journal VALUES ('g-1', 2, 'm', '{}', '2025-01-01T00:00:00.000000Z', 'x');"));
        }
    }

    [Fact]
    public async Task Highest_numbers_are_read_once_while_no_other_connection_commits()
    {
        var journal = (SqliteJournal)Journal;
        await Journal.WriteAsync([Event("g-1", 1)]);
        await Journal.WriteAsync([Event("g-2", 1)]);
        Assert.Equal(2, journal.HighestQueries);

        await Journal.WriteAsync([Event("g-1", 2)]);
        await Journal.WriteAsync(Events("g-2", 2, 3));
        Assert.Equal(2, journal.HighestQueries);

        // A snapshot is saved on another connection: the next flush must not trust what it remembers.
        await Snapshots.SaveAsync(new SnapshotEntry("g-1", 2, "state.v1", "{}", DateTimeOffset.UnixEpoch));
        await Journal.WriteAsync([Event("g-1", 3)]);
        Assert.Equal(3, journal.HighestQueries);
        Assert.Equal(new long[] { 1, 2, 3 }, SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
    }

    [Fact]
    public async Task A_row_slipped_in_behind_a_remembered_number_is_seen_before_writing()
    {
        await Journal.WriteAsync([Event("g-1", 1)]);
        await using (var connection = await OpenFileAsync())
        {
            await ExecuteAsync(connection, "INSERT INTO journal VALUES ('g-1', 2, 'other', '{}', '2025-01-01T00:00:00.000000Z', 'other-node');");
        }

        // Without the data_version check the flush would try 3 as a gap against its remembered 1.
        await Journal.WriteAsync([Event("g-1", 3)]);

        Assert.Equal(new long[] { 1, 2, 3 }, SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
    }

    private async Task<SqliteConnection> OpenFileAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "journal.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
