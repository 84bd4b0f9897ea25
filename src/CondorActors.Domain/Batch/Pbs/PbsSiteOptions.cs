using System.Collections.Immutable;

namespace CondorActors.Domain.Batch.Pbs;

/// <summary>A PBS Professional / OpenPBS site's settings (created from <c>sites.&lt;name&gt;</c> by <see cref="BatchSystemFactory"/>).</summary>
public sealed record PbsSiteOptions
{
    /// <summary>Marks every job of this controller (name prefix and the CONDORACTORS_TAG job variable). Required.</summary>
    public required BatchJobTag Tag { get; init; }

    public string? Queue { get; init; }

    public string? Account { get; init; }

    /// <summary>Option names requests may pass as extra directives (<c>-l</c>, <c>-W</c>). Empty by default.</summary>
    public ImmutableArray<string> AllowedExtraDirectives { get; init; } = [];

    public string QsubPath { get; init; } = "qsub";

    public string QstatPath { get; init; } = "qstat";

    public string QdelPath { get; init; } = "qdel";

    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>Kill a PBS command and treat the server as unavailable after this long. Default 60 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public BatchRetryPolicy Retry { get; init; } = BatchRetryPolicy.Default;
}
