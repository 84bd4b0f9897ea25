namespace CondorActors.Domain.ClassAds;

/// <summary>A binary operation such as <c>a + b</c>, <c>a &amp;&amp; b</c>, <c>a =?= b</c>.</summary>
public sealed class BinaryExpr : ClassAdExpr
{
    /// <summary>The operation <paramref name="op"/> on <paramref name="left"/> and <paramref name="right"/>.</summary>
    public BinaryExpr(ClassAdBinaryOperator op, ClassAdExpr left, ClassAdExpr right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        Operator = op;
        Left = left;
        Right = right;
    }

    /// <summary>The operator.</summary>
    public ClassAdBinaryOperator Operator { get; }

    /// <summary>The left operand.</summary>
    public ClassAdExpr Left { get; }

    /// <summary>The right operand.</summary>
    public ClassAdExpr Right { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is BinaryExpr b && b.Operator == Operator && b.Left.Equals(Left) && b.Right.Equals(Right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operator, Left, Right);
}
