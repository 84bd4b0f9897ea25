using System.Collections.Immutable;

namespace CondorActors.Domain.Batch.Cobalt;

/// <summary>A Cobalt site's settings (ALCF's former scheduler; created from <c>sites.&lt;name&gt;</c> by <see cref="BatchSystemFactory"/>).</summary>
public sealed record CobaltSiteOptions
{
    /// <summary>Marks every job of this controller (job-name prefix). Required.</summary>
    public required BatchJobTag Tag { get; init; }

    /// <summary>
    /// Folder for the submitted scripts (Cobalt's qsub takes a script file, not stdin) and the jobs'
    /// working directory unless a request names one. Required.
    /// </summary>
    public required string JobDirectory { get; init; }

    public string? Queue { get; init; }

    /// <summary>Cobalt project (qsub -A).</summary>
    public string? Project { get; init; }

    /// <summary>Whose jobs qstat lists. Null: the user the controller runs as.</summary>
    public string? User { get; init; }

    /// <summary>Option names requests may pass as extra directives (<c>--attrs</c>). Empty by default.</summary>
    public ImmutableArray<string> AllowedExtraDirectives { get; init; } = [];

    public string QsubPath { get; init; } = "qsub";

    public string QstatPath { get; init; } = "qstat";

    public string QdelPath { get; init; } = "qdel";

    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public BatchRetryPolicy Retry { get; init; } = BatchRetryPolicy.Default;
}
