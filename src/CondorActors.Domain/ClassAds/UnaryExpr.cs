namespace CondorActors.Domain.ClassAds;

/// <summary>A unary operation: <c>-x</c>, <c>+x</c>, <c>!x</c>, <c>~x</c>.</summary>
public sealed class UnaryExpr : ClassAdExpr
{
    /// <summary>The operation <paramref name="op"/> on <paramref name="operand"/>.</summary>
    public UnaryExpr(ClassAdUnaryOperator op, ClassAdExpr operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        Operator = op;
        Operand = operand;
    }

    /// <summary>The operator.</summary>
    public ClassAdUnaryOperator Operator { get; }

    /// <summary>The operand.</summary>
    public ClassAdExpr Operand { get; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is UnaryExpr u && u.Operator == Operator && u.Operand.Equals(Operand);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operator, Operand);
}
