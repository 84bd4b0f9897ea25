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
}
