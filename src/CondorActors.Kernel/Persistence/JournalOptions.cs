namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Where the journal and snapshot store keep their data. Bound from
/// <c>condoractors.journal</c> and <c>condoractors.data-dir</c> in configuration.
/// </summary>
public sealed class JournalOptions
{
    /// <summary>Provider name for the embedded SQLite store (the default).</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>Provider name for a shared PostgreSQL server.</summary>
    public const string PostgreSqlProvider = "postgresql";

    /// <summary>
    /// <c>sqlite</c> (default: a file in <see cref="DataDir"/>, nothing to install) or
    /// <c>postgresql</c> (several bridge nodes share one database).
    /// </summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// For <c>postgresql</c>: an Npgsql connection string (required; <c>Search Path</c> selects the
    /// schema). For <c>sqlite</c>: optional path of the database file; default
    /// <c>{DataDir}/journal.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Data folder of this node; default <c>./data</c>. Created when missing.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Name stored with every event so a shared journal shows which node wrote it; default the host name.</summary>
    public string WriterNode { get; set; } = Environment.MachineName;

    /// <summary>
    /// Write concurrent <c>WriteAsync</c> calls in one transaction per flush (default true).
    /// False writes one transaction per call: only useful as a benchmark baseline.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>Throws when the options cannot work, naming the offending setting.</summary>
    public void Validate()
    {
        if (string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(DataDir))
            {
                throw new InvalidOperationException("journal: data-dir or connection-string must name where the SQLite file lives.");
            }
        }
        else if (string.Equals(Provider, PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                throw new InvalidOperationException("journal: provider 'postgresql' needs journal.connection-string.");
            }
        }
        else
        {
            throw new InvalidOperationException($"journal: unknown provider '{Provider}' (expected '{SqliteProvider}' or '{PostgreSqlProvider}').");
        }

        if (string.IsNullOrWhiteSpace(WriterNode))
        {
            throw new InvalidOperationException("journal: writer node name must not be empty.");
        }
    }

    /// <summary>The SQLite file this configuration uses.</summary>
    internal string SqlitePath
    {
        get
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                return Path.GetFullPath(Path.Combine(DataDir, "journal.db"));
            }

            // Accept both a bare path and "Data Source=path".
            var path = ConnectionString.Contains('=', StringComparison.Ordinal)
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
                : ConnectionString;
            return Path.GetFullPath(path);
        }
    }
}
