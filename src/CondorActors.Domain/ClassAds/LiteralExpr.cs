namespace CondorActors.Domain.ClassAds;

/// <summary>A literal scalar: integer, real, string, boolean, <c>undefined</c>, <c>error</c> or a time.</summary>
public sealed class LiteralExpr : ClassAdExpr
{
    private static readonly LiteralExpr UndefinedLiteral = new(ClassAdValue.Undefined);
    private static readonly LiteralExpr ErrorLiteral = new(ClassAdValue.Error);
    private static readonly LiteralExpr TrueLiteral = new(ClassAdValue.True);
    private static readonly LiteralExpr FalseLiteral = new(ClassAdValue.False);

    private LiteralExpr(ClassAdValue value) => Value = value;

    /// <summary>The value.</summary>
    public ClassAdValue Value { get; }

    internal static LiteralExpr Of(ClassAdValue value) => value.Kind switch
    {
        ClassAdValueKind.Undefined => UndefinedLiteral,
        ClassAdValueKind.Error => ErrorLiteral,
        ClassAdValueKind.Boolean => value.IsTrue ? TrueLiteral : FalseLiteral,
        ClassAdValueKind.List or ClassAdValueKind.Record =>
            throw new ArgumentException("Lists and records are ListExpr and RecordExpr, not literals.", nameof(value)),
        _ => new LiteralExpr(value),
    };

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) => other is LiteralExpr l && l.Value.Equals(Value);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();
}
