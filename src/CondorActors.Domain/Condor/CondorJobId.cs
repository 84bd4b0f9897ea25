using System.Globalization;

namespace CondorActors.Domain.Condor;

/// <summary>A job's id, <c>CLUSTER.PROC</c>; ordered as <c>condor_q</c> lists jobs.</summary>
public readonly record struct CondorJobId(int Cluster, int Proc) : IComparable<CondorJobId>
{
    public int CompareTo(CondorJobId other) =>
        Cluster != other.Cluster ? Cluster.CompareTo(other.Cluster) : Proc.CompareTo(other.Proc);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Cluster}.{Proc}");
}
