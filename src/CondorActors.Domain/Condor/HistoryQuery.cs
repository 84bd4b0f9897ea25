namespace CondorActors.Domain.Condor;

/// <summary>A query of the job history (<c>condor_history</c>), answered newest first.</summary>
public sealed record HistoryQuery
{
    /// <summary>ClassAd expression text selecting jobs; null selects every job.</summary>
    public string? Constraint { get; init; }

    /// <summary>Attributes to return; null returns whole ads. Identity attributes are always added.</summary>
    public IReadOnlyList<string>? Projection { get; init; }

    /// <summary>One cluster, or one job with <see cref="Proc"/>; null for all.</summary>
    public int? Cluster { get; init; }

    /// <summary>The job within <see cref="Cluster"/>.</summary>
    public int? Proc { get; init; }

    /// <summary>The schedd whose history to read; null means the configured default (or the local history).</summary>
    public string? Schedd { get; init; }

    /// <summary>The collector to locate the schedd through; null means the configured default.</summary>
    public string? Pool { get; init; }

    /// <summary>At most this many ads (<c>-limit</c>); null for no limit.</summary>
    public int? Limit { get; init; }

    /// <summary>Only jobs that entered their final state at or after this time (<c>EnteredCurrentStatus</c>).</summary>
    public DateTimeOffset? Since { get; init; }
}
