using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Event journal and snapshot store (<c>condoractors.journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:journal";

    /// <summary>Accepted providers.</summary>
    public static readonly IReadOnlyList<string> Providers = ["sqlite", "postgresql"];

    /// <summary><c>sqlite</c> (default, a file under data-dir) or <c>postgresql</c> (shared by several bridge nodes).</summary>
    [ConfigurationKeyName("provider")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>ADO.NET connection string; empty means <c>Data Source={data-dir}/journal.db</c> for SQLite. Required for PostgreSQL.</summary>
    [ConfigurationKeyName("connection-string")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Batching of concurrent writes into one transaction.</summary>
    [ConfigurationKeyName("group-commit")]
    public GroupCommitOptions GroupCommit { get; set; } = new();
}

/// <summary>Group commit (<c>condoractors.journal.group-commit</c>).</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Batch concurrent writes. Default on.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Most events written in one transaction. Default 256.</summary>
    [ConfigurationKeyName("max-batch")]
    public int MaxBatch { get; set; } = 256;

    /// <summary>Longest a write waits for others to join its batch. Default 2ms.</summary>
    [ConfigurationKeyName("max-delay")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(2);
}
