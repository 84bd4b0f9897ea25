using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Persistence.PostgreSql;
using Npgsql;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>The journal contract against a real PostgreSQL server, each test in its own fresh schema.</summary>
public sealed class PostgreSqlJournalTests : JournalContractTests
{
    protected override async Task<JournalOptions> CreateFreshStorageAsync() =>
        new() { Provider = JournalOptions.PostgreSqlProvider, ConnectionString = await PostgresServer.CreateSchemaAsync() };

    protected override IReadOnlyList<int> KnownSchemaVersions => [.. PostgreSqlSchema.Migrations.Select(m => m.Version)];

    protected override async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(JournalOptions options)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        return await PostgreSqlSchema.ReadAppliedVersionsAsync(connection, CancellationToken.None);
    }

    protected override Task DeleteStorageAsync(JournalOptions options) => PostgresServer.DropSchemaAsync(options.ConnectionString!);

    [Fact]
    public async Task Payloads_are_stored_as_jsonb()
    {
        await Journal.WriteAsync([Event("g-1", 1, "{\"b\":1,\"a\":[true,null]}")]);

        var options = StorageOptions;
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT jsonb_typeof(payload), payload->'a'->>0 FROM journal WHERE persistence_id = 'g-1';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("object", reader.GetString(0));
        Assert.Equal("true", reader.GetString(1));
    }

    /// <summary>
    /// The race the unique key exists for: another node inserts the same number after this node's
    /// sequence check passed. Its transaction holds the row uncommitted, this flush's insert waits on
    /// the key, the other node commits, and only the conflicting caller of the flush fails.
    /// </summary>
    [Fact]
    public async Task A_conflict_found_by_the_unique_key_fails_only_its_caller()
    {
        var options = StorageOptions;
        await Journal.WriteAsync([Event("warm-up", 1)]);
        await using var otherNode = new NpgsqlConnection(options.ConnectionString);
        await otherNode.OpenAsync();
        await using var otherTransaction = await otherNode.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO journal VALUES ('g-1', 1, 'other', '{\"by\":\"other\"}', now(), 'node-b');", otherNode, otherTransaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var conflicting = Journal.WriteAsync([Event("g-1", 1)]);
        var bystanders = Enumerable.Range(0, 20).Select(i => Journal.WriteAsync(Events($"b-{i}", 1, 2))).ToArray();
        await WaitUntilABackendWaitsOnALockAsync(options.ConnectionString!);
        await otherTransaction.CommitAsync();

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => conflicting);
        await Task.WhenAll(bystanders);
        var stored = Assert.Single(await ReplayAllAsync(Journal, "g-1"));
        Assert.Equal("node-b", stored.WriterNode);
        Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync("b-19"));
    }

    private static async Task WaitUntilABackendWaitsOnALockAsync(string connectionString)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock';", connection);
            if ((long)(await command.ExecuteScalarAsync(timeout.Token))! > 0)
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
