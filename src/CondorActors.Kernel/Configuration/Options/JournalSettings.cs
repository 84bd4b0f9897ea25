using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Event journal and snapshot store (<c>condoractors.journal</c>).</summary>
public sealed class JournalSettings
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

    /// <summary>
    /// Write concurrent events of many actors in one transaction per flush. Default on; off
    /// (one transaction per write) is only useful as a benchmark baseline.
    /// </summary>
    [ConfigurationKeyName("group-commit")]
    public bool GroupCommit { get; set; } = true;
}
