namespace CondorActors.Domain.Condor;

/// <summary>
/// How the gateway reaches HTCondor (runtime options). Created from the bound
/// <c>CondorSettings</c> (HOCON <c>condoractors.condor</c>: <c>backend</c>, <c>binaries</c>,
/// <c>command-timeout</c>, <c>schedd</c>, <c>pool</c>, <c>config-file</c>, <c>max-output-size</c>)
/// by the server's <c>RuntimeOptions</c>.
/// </summary>
public sealed record CondorOptions
{
    /// <summary>Default for <see cref="CommandTimeout"/>: 30 s.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary><c>backend</c>: <c>auto</c> (default), <c>cli</c> or <c>simulated</c>.</summary>
    public string Backend { get; init; } = "auto";

    /// <summary><c>binaries</c>: directory holding <c>condor_q</c> and friends; null finds them on PATH.</summary>
    public string? Binaries { get; init; }

    /// <summary><c>command-timeout</c>: how long one command may run (streaming included) before its tree is killed. Default 30 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    /// <summary><c>schedd</c>: the schedd queried when a query names none; null means the local schedd.</summary>
    public string? Schedd { get; init; }

    /// <summary><c>pool</c>: the central manager (<c>host[:port]</c>) when a query names none; null means the configured one.</summary>
    public string? Pool { get; init; }

    /// <summary><c>config-file</c>: passed to the tools as <c>CONDOR_CONFIG</c>; null leaves the environment as it is.</summary>
    public string? CondorConfig { get; init; }

    /// <summary>
    /// (<c>max-output-size</c>) Cap on a command's output. Streamed output never sits in memory, so the default (4 GiB) only
    /// guards against a runaway tool; 100,000 full job ads are about 400 MB of JSON.
    /// </summary>
    public long MaxOutputBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The path of an HTCondor program: in <see cref="Binaries"/> when set, else the bare name (found on PATH).</summary>
    public string ProgramPath(string program) =>
        string.IsNullOrWhiteSpace(Binaries) ? program : Path.Combine(Binaries, program);
}
