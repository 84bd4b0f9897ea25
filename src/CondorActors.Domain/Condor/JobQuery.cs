namespace CondorActors.Domain.Condor;

/// <summary>A query of the job queue (<c>condor_q</c>).</summary>
public sealed record JobQuery
{
    /// <summary>ClassAd expression text selecting jobs; null selects every job.</summary>
    public string? Constraint { get; init; }

    /// <summary>
    /// Attributes to return; null returns whole ads. The identity attributes
    /// (<see cref="CondorIdentity.JobAttributes"/>) are always added; callers strip them if unwanted.
    /// </summary>
    public IReadOnlyList<string>? Projection { get; init; }

    /// <summary>One cluster, or one job with <see cref="Proc"/>; null for all.</summary>
    public int? Cluster { get; init; }

    /// <summary>The job within <see cref="Cluster"/>; only valid with a cluster.</summary>
    public int? Proc { get; init; }

    /// <summary>The schedd to ask; null means the configured default (or the local schedd).</summary>
    public string? Schedd { get; init; }

    /// <summary>The collector (central manager) to locate the schedd through; null means the configured default.</summary>
    public string? Pool { get; init; }

    /// <summary>At most this many ads; null for no limit.</summary>
    public int? Limit { get; init; }
}
