using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>How HTCondor is reached and read queries are shared (<c>condoractors.condor</c>).</summary>
public sealed class CondorSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:condor";

    /// <summary>Accepted backends.</summary>
    public static readonly IReadOnlyList<string> Backends = ["auto", "cli", "simulated"];

    /// <summary><c>auto</c> (CLI when condor_q is found, else simulated), <c>cli</c>, or <c>simulated</c>. Default auto.</summary>
    [ConfigurationKeyName("backend")]
    public string Backend { get; set; } = "auto";

    /// <summary>Directory holding condor_q, condor_submit...; empty (default) means search PATH.</summary>
    [ConfigurationKeyName("binaries")]
    public string Binaries { get; set; } = "";

    /// <summary>Longest a condor command may run (streaming included) before its process tree is killed. Default 30s.</summary>
    [ConfigurationKeyName("command-timeout")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The schedd queried when a request names none; empty (default) means the local schedd.</summary>
    [ConfigurationKeyName("schedd")]
    public string Schedd { get; set; } = "";

    /// <summary>The central manager (<c>host[:port]</c>) when a request names none; empty (default) means the configured one.</summary>
    [ConfigurationKeyName("pool")]
    public string Pool { get; set; } = "";

    /// <summary>Passed to the condor tools as <c>CONDOR_CONFIG</c>; empty (default) leaves the environment as it is.</summary>
    [ConfigurationKeyName("config-file")]
    public string ConfigFile { get; set; } = "";

    /// <summary>
    /// Cap on the output one condor command may print, in bytes (HOCON size). The CLI gateway
    /// streams output instead of holding it, so this only stops a runaway tool; 100,000 full job
    /// ads are about 400 MB. Default 4 GiB.
    /// </summary>
    [ConfigurationKeyName("max-output-size")]
    [ByteSize]
    public long MaxOutputSize { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>How long a complete answer is served again to identical reads; 0 disables the cache. Default 1s.</summary>
    [ConfigurationKeyName("query-cache-ttl")]
    public TimeSpan QueryCacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most condor commands running at once; further reads queue. Default 4.</summary>
    [ConfigurationKeyName("max-concurrent-commands")]
    public int MaxConcurrentCommands { get; set; } = 4;

    /// <summary>Longest a read may wait, queueing included, for its answer to begin. Default 30s.</summary>
    [ConfigurationKeyName("query-timeout")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Identical reads in flight share one command. Default on; off only for comparisons.</summary>
    [ConfigurationKeyName("coalesce-queries")]
    public bool CoalesceQueries { get; set; } = true;

    /// <summary>Largest answer, in ads, held in memory to share and cache; bigger ones are streamed. Default 1000.</summary>
    [ConfigurationKeyName("query-cache-max-ads")]
    public int QueryCacheMaxAds { get; set; } = 1000;

    /// <summary>Most answers cached at once. Default 256.</summary>
    [ConfigurationKeyName("query-cache-max-entries")]
    public int QueryCacheMaxEntries { get; set; } = 256;

    /// <summary>The simulated pool (backend = simulated, or auto without condor_q).</summary>
    [ConfigurationKeyName("simulated")]
    public SimulatedPoolSettings Simulated { get; set; } = new();
}
