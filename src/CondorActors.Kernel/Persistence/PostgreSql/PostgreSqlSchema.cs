using Npgsql;

namespace CondorActors.Kernel.Persistence.PostgreSql;

/// <summary>Tables of the PostgreSQL store (in the connection's search_path schema) and their migrations.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>First key of the advisory lock that serializes migrations ("CoAc").</summary>
    private const int MigrationLockKey = 0x436F4163;

    /// <summary>Append new steps at the end; never edit a released step.</summary>
    public static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new(1, "journal, journal_metadata and snapshot tables", """
            CREATE TABLE journal (
                persistence_id  text        NOT NULL,
                sequence_number bigint      NOT NULL,
                manifest        text        NOT NULL,
                payload         jsonb       NOT NULL,
                timestamp       timestamptz NOT NULL,
                writer_node     text        NOT NULL,
                CONSTRAINT journal_persistence_id_sequence_number_key PRIMARY KEY (persistence_id, sequence_number)
            );
            -- Keeps the highest sequence number of an id once its events are deleted.
            CREATE TABLE journal_metadata (
                persistence_id          text   NOT NULL PRIMARY KEY,
                highest_sequence_number bigint NOT NULL
            );
            CREATE TABLE snapshot (
                persistence_id  text        NOT NULL,
                sequence_number bigint      NOT NULL,
                manifest        text        NOT NULL,
                payload         jsonb       NOT NULL,
                timestamp       timestamptz NOT NULL,
                CONSTRAINT snapshot_persistence_id_sequence_number_key PRIMARY KEY (persistence_id, sequence_number)
            );
            """),
    ];

    /// <summary>
    /// Applies the missing steps in one transaction holding a transaction-scoped advisory lock keyed
    /// by the schema: when two nodes start at once, the second waits, then finds the steps recorded.
    /// (CREATE TABLE IF NOT EXISTS alone is not enough: concurrent creators can still collide on
    /// the catalog's unique index.)
    /// </summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey}, hashtext(current_schema()));", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     integer     NOT NULL PRIMARY KEY,
                    description text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                );
                """, cancellationToken).ConfigureAwait(false);

            var applied = await ReadAppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
            var known = Migrations[^1].Version;
            if (applied.Count > 0 && applied[^1] > known)
            {
                throw new InvalidOperationException(
                    $"The journal's schema version {applied[^1]} is newer than this build knows ({known}); refusing to touch it.");
            }

            foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                using var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES ($1, $2);", connection);
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Description });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<List<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version;", connection);
        var versions = new List<int>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
