using System.Globalization;

namespace CondorActors.Domain.Condor;

/// <summary>The jobs a job-control request acts on: one job, one cluster, or a constraint.</summary>
public sealed record JobTarget
{
    private JobTarget(int? cluster, int? proc, string? constraint)
    {
        Cluster = cluster;
        Proc = proc;
        Constraint = constraint;
    }

    public int? Cluster { get; }

    public int? Proc { get; }

    /// <summary>ClassAd expression selecting jobs (bulk form); null for an id target.</summary>
    public string? Constraint { get; }

    public static JobTarget Job(int cluster, int proc) => new(cluster, proc, null);

    public static JobTarget ClusterOf(int cluster) => new(cluster, null, null);

    public static JobTarget Matching(string constraint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(constraint);
        return new(null, null, constraint.Trim());
    }

    /// <summary><c>5.0</c>, <c>5</c> or the constraint, as the tools take it.</summary>
    public override string ToString() => Constraint
        ?? (Proc is { } proc
            ? string.Create(CultureInfo.InvariantCulture, $"{Cluster}.{proc}")
            : Cluster!.Value.ToString(CultureInfo.InvariantCulture));
}
