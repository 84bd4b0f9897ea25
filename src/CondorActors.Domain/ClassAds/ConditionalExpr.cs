namespace CondorActors.Domain.ClassAds;

/// <summary>
/// <c>condition ? whenTrue : whenFalse</c>, or the defaulting form <c>value ?: fallback</c>
/// (<see cref="WhenTrue"/> is null: the value unless it is undefined, else the fallback).
/// </summary>
public sealed class ConditionalExpr : ClassAdExpr
{
    /// <summary>A conditional; pass a null <paramref name="whenTrue"/> for <c>?:</c>.</summary>
    public ConditionalExpr(ClassAdExpr condition, ClassAdExpr? whenTrue, ClassAdExpr whenFalse)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(whenFalse);
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    /// <summary>The selector.</summary>
    public ClassAdExpr Condition { get; }

    /// <summary>The value when the selector is true; null for the <c>?:</c> form.</summary>
    public ClassAdExpr? WhenTrue { get; }

    /// <summary>The value when the selector is false (or undefined, for <c>?:</c>).</summary>
    public ClassAdExpr WhenFalse { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is ConditionalExpr c && c.Condition.Equals(Condition) && c.WhenFalse.Equals(WhenFalse)
        && (c.WhenTrue is null ? WhenTrue is null : c.WhenTrue.Equals(WhenTrue));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Condition, WhenTrue, WhenFalse);
}
