namespace CondorActors.Domain.ClassAds;

/// <summary>Subscript <c>list[0]</c> (0-based) or <c>record["name"]</c>.</summary>
public sealed class SubscriptExpr : ClassAdExpr
{
    /// <summary>Subscript of <paramref name="target"/> by <paramref name="index"/>.</summary>
    public SubscriptExpr(ClassAdExpr target, ClassAdExpr index)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(index);
        Target = target;
        Index = index;
    }

    /// <summary>The list or record.</summary>
    public ClassAdExpr Target { get; }

    /// <summary>The index (integer for lists, string for records).</summary>
    public ClassAdExpr Index { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is SubscriptExpr s && s.Target.Equals(Target) && s.Index.Equals(Index);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Target, Index);
}
