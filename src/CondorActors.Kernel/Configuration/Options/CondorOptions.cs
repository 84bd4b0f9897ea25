using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>How HTCondor is reached (<c>condoractors.condor</c>).</summary>
public sealed class CondorOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:condor";

    /// <summary>Accepted backends.</summary>
    public static readonly IReadOnlyList<string> Backends = ["auto", "cli", "simulated"];

    /// <summary><c>auto</c> (CLI when condor_q is found, else simulated), <c>cli</c>, or <c>simulated</c>. Default auto.</summary>
    [ConfigurationKeyName("backend")]
    public string Backend { get; set; } = "auto";

    /// <summary>Directory holding condor_q, condor_submit...; empty means search PATH.</summary>
    [ConfigurationKeyName("binaries")]
    public string BinariesPath { get; set; } = "";

    /// <summary>Longest a condor command may run before it is killed. Default 30s.</summary>
    [ConfigurationKeyName("command-timeout")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long identical read queries share one answer. Default 1s.</summary>
    [ConfigurationKeyName("query-cache-ttl")]
    public TimeSpan QueryCacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most condor commands running at once. Default 4.</summary>
    [ConfigurationKeyName("max-concurrent-commands")]
    public int MaxConcurrentCommands { get; set; } = 4;

    /// <summary>Largest command output kept in memory, in bytes (HOCON size such as <c>16 MiB</c>). Default 16 MiB.</summary>
    [ConfigurationKeyName("max-output-size")]
    [ByteSize]
    public long MaxOutputSize { get; set; } = 16L * 1024 * 1024;
}
