namespace CondorActors.Domain.ClassAds;

/// <summary>
/// A reference to an attribute by name (case-insensitive): <c>Memory</c>, or with a leading dot
/// (<c>.Memory</c>, <see cref="Absolute"/>) a reference resolved in the outermost ad only.
/// <c>MY.Memory</c> and <c>TARGET.Memory</c> are <see cref="SelectExpr"/>s over the names
/// <c>MY</c> and <c>TARGET</c>.
/// </summary>
public sealed class AttributeExpr : ClassAdExpr
{
    /// <summary>A reference to <paramref name="name"/>.</summary>
    public AttributeExpr(string name, bool absolute = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Absolute = absolute;
    }

    /// <summary>The attribute name as written.</summary>
    public string Name { get; }

    /// <summary>True for <c>.Name</c>: look up in the outermost ad of the scope chain.</summary>
    public bool Absolute { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is AttributeExpr a && a.Absolute == Absolute && string.Equals(a.Name, Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Name), Absolute);
}
