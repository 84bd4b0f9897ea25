using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CondorActors.Kernel.Persistence.Sqlite;

/// <summary>Tables of the SQLite store and the migrations that create them.</summary>
internal static class SqliteSchema
{
    /// <summary>Append new steps at the end; never edit a released step.</summary>
    public static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new(1, "journal, journal_metadata and snapshot tables", """
            CREATE TABLE journal (
                persistence_id  TEXT    NOT NULL,
                sequence_number INTEGER NOT NULL,
                manifest        TEXT    NOT NULL,
                payload         TEXT    NOT NULL CHECK (json_valid(payload)),
                timestamp       TEXT    NOT NULL,
                writer_node     TEXT    NOT NULL,
                CONSTRAINT journal_persistence_id_sequence_number_key PRIMARY KEY (persistence_id, sequence_number)
            ) WITHOUT ROWID;
            -- Keeps the highest sequence number of an id once its events are deleted.
            CREATE TABLE journal_metadata (
                persistence_id          TEXT    NOT NULL PRIMARY KEY,
                highest_sequence_number INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE snapshot (
                persistence_id  TEXT    NOT NULL,
                sequence_number INTEGER NOT NULL,
                manifest        TEXT    NOT NULL,
                payload         TEXT    NOT NULL CHECK (json_valid(payload)),
                timestamp       TEXT    NOT NULL,
                CONSTRAINT snapshot_persistence_id_sequence_number_key PRIMARY KEY (persistence_id, sequence_number)
            ) WITHOUT ROWID;
            """),

        // Version 1 clustered the journal by (persistence_id, sequence_number), so a flush that
        // appends one event for each of 1,000 actors dirtied about one table page per actor (each
        // written to the WAL and again at checkpoint) and split pages in the middle of the tree. A
        // rowid table appends rows in write order: one flush's rows fill a few adjacent pages, and
        // only the small entries of the unique index still land one per actor. See
        // docs/performance.md, "Persistence: persistent actors".
        new(2, "journal as a rowid table in write order with a unique (persistence_id, sequence_number) index", """
            CREATE TABLE journal_in_write_order (
                persistence_id  TEXT    NOT NULL,
                sequence_number INTEGER NOT NULL,
                manifest        TEXT    NOT NULL,
                payload         TEXT    NOT NULL CHECK (json_valid(payload)),
                timestamp       TEXT    NOT NULL,
                writer_node     TEXT    NOT NULL
            );
            INSERT INTO journal_in_write_order (persistence_id, sequence_number, manifest, payload, timestamp, writer_node)
                SELECT persistence_id, sequence_number, manifest, payload, timestamp, writer_node FROM journal
                ORDER BY persistence_id, sequence_number;
            DROP TABLE journal;
            ALTER TABLE journal_in_write_order RENAME TO journal;
            CREATE UNIQUE INDEX journal_persistence_id_sequence_number_key ON journal (persistence_id, sequence_number);
            """),
    ];

    /// <summary>
    /// Applies the missing steps in one immediate transaction: a second process starting at the same
    /// moment waits for the write lock, then finds the steps recorded and does nothing.
    /// </summary>
    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER NOT NULL PRIMARY KEY,
                description TEXT    NOT NULL,
                applied_at  TEXT    NOT NULL
            );
            """, cancellationToken).ConfigureAwait(false);

        var applied = await ReadAppliedVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var known = Migrations[^1].Version;
        if (applied.Count > 0 && applied[^1] > known)
        {
            throw new InvalidOperationException(
                $"The journal's schema version {applied[^1]} is newer than this build knows ({known}); refusing to touch it.");
        }

        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);";
            record.Parameters.AddWithValue("$v", migration.Version);
            record.Parameters.AddWithValue("$d", migration.Description);
            record.Parameters.AddWithValue("$t", StoredTimestamp.ToText(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    public static async Task<List<int>> ReadAppliedVersionsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_version ORDER BY version;";
        var versions = new List<int>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(Convert.ToInt32(reader.GetInt64(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
