using System.Collections.Immutable;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// A Slurm site's settings (created from <c>sites.&lt;name&gt;</c> by <see cref="BatchSystemFactory"/>).
/// Request fields override the defaults here.
/// </summary>
public sealed record SlurmSiteOptions
{
    /// <summary>Marks every job of this controller on the site (name prefix and comment). Required.</summary>
    public required BatchJobTag Tag { get; init; }

    public string? Partition { get; init; }

    public string? Account { get; init; }

    public string? Qos { get; init; }

    /// <summary>Default <c>--constraint</c> (e.g. <c>cpu</c>); a request's own <c>--constraint</c>/<c>-C</c> directive wins.</summary>
    public string? Constraint { get; init; }

    /// <summary>
    /// Option names (<c>--constraint</c>, <c>--gres</c>, <c>-C</c>) that requests may pass as extra
    /// directives. Empty (the default): none. Options the adapter sets itself are never allowed.
    /// </summary>
    public ImmutableArray<string> AllowedExtraDirectives { get; init; } = [];

    /// <summary>
    /// sbatch <c>--export</c> value. Default <c>NONE</c>: the controller's own environment (which
    /// may hold credentials) does not leak into batch jobs; scripts set up what they need.
    /// </summary>
    public string Export { get; init; } = "NONE";

    /// <summary>
    /// Whose jobs squeue lists. Null (the default): <c>--me</c>, the user the controller runs as.
    /// </summary>
    public string? User { get; init; }

    public string SbatchPath { get; init; } = "sbatch";

    public string SqueuePath { get; init; } = "squeue";

    public string ScontrolPath { get; init; } = "scontrol";

    public string SacctPath { get; init; } = "sacct";

    public string ScancelPath { get; init; } = "scancel";

    /// <summary>
    /// Job-completion file (jobcomp/filetxt) to read for jobs that left squeue. Null (the default):
    /// taken from <c>scontrol show config</c> when JobCompType is jobcomp/filetxt.
    /// </summary>
    public string? JobCompletionLogPath { get; init; }

    /// <summary>Environment for every Slurm command (e.g. SLURM_CONF). Empty by default.</summary>
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>Kill a Slurm command and treat the batch system as unavailable after this long. Default 60 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public BatchRetryPolicy Retry { get; init; } = BatchRetryPolicy.Default;
}
