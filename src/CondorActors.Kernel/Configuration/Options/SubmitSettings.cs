using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Job submission over REST (<c>condoractors.submit</c>); see docs/api-writes.md.</summary>
public sealed class SubmitSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:submit";

    /// <summary>Most jobs one request may queue (<c>count</c>). Default 100000.</summary>
    [ConfigurationKeyName("max-count")]
    public int MaxCount { get; set; } = 100_000;

    /// <summary>Root of the per-principal working directories; empty (default) = <c>{data-dir}/work</c>.</summary>
    [ConfigurationKeyName("working-root")]
    public string WorkingRoot { get; set; } = "";

    /// <summary>Further absolute folders clients may name in file paths. Default none.</summary>
    [ConfigurationKeyName("allowed-roots")]
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>Submit commands clients may send besides the documented keys. Default none.</summary>
    [ConfigurationKeyName("allowed-extra-commands")]
    public List<string> AllowedExtraCommands { get; set; } = [];

    /// <summary>Universes clients may ask for. Default vanilla, docker, container.</summary>
    [ConfigurationKeyName("allowed-universes")]
    public List<string> AllowedUniverses { get; set; } = ["vanilla", "docker", "container"];

    /// <summary>Largest submit body accepted, in bytes. Default 1048576.</summary>
    [ConfigurationKeyName("max-body-bytes")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a submit body. Default 16.</summary>
    [ConfigurationKeyName("max-json-depth")]
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>How long an Idempotency-Key's first answer is kept and replayed. Default 24h.</summary>
    [ConfigurationKeyName("idempotency-window")]
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>condor_submit/rm/hold/release/vacate commands running at once. Default 4.</summary>
    [ConfigurationKeyName("max-concurrent-writes")]
    public int MaxConcurrentWrites { get; set; } = 4;
}
