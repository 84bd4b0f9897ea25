namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Attribute selection <c>Target.Name</c>: <c>MY.x</c>, <c>TARGET.x</c>, <c>PARENT.x</c>, or
/// <c>expr.x</c> on a nested ad.
/// </summary>
public sealed class SelectExpr : ClassAdExpr
{
    /// <summary>Selection of <paramref name="name"/> from <paramref name="target"/>.</summary>
    public SelectExpr(ClassAdExpr target, string name)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Target = target;
        Name = name;
    }

    /// <summary>The expression selected from.</summary>
    public ClassAdExpr Target { get; }

    /// <summary>The selected attribute name as written.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is SelectExpr s && string.Equals(s.Name, Name, StringComparison.OrdinalIgnoreCase) && s.Target.Equals(Target);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Target, StringComparer.OrdinalIgnoreCase.GetHashCode(Name));
}
