namespace CondorActors.Domain.ClassAds;

/// <summary>A list <c>{ e1, e2, ... }</c>.</summary>
public sealed class ListExpr : ClassAdExpr
{
    /// <summary>A list of <paramref name="items"/>.</summary>
    public ListExpr(IReadOnlyList<ClassAdExpr> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
    }

    /// <summary>The item expressions.</summary>
    public IReadOnlyList<ClassAdExpr> Items { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) => other is ListExpr l && SequenceEqual(l.Items, Items);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(typeof(ListExpr), Items.Count);
}
