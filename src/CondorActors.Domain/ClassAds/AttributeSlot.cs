namespace CondorActors.Domain.ClassAds;

/// <summary>
/// One attribute: a literal value (when <see cref="Expr"/> and <see cref="ExprText"/> are null),
/// a parsed expression, or <c>/Expr(...)/</c> text from JSON not parsed yet. Literals stay as
/// values so that reading and evaluating them allocates nothing.
/// </summary>
internal struct AttributeSlot(string name, ClassAdValue literal, ClassAdExpr? expr, string? exprText)
{
    public string Name { get; set; } = name;

    public ClassAdValue Literal { get; } = literal;

    public ClassAdExpr? Expr { get; set; } = expr;

    /// <summary>The original expression text, kept to write JSON back unchanged without printing.</summary>
    public string? ExprText { get; } = exprText;

    public readonly bool IsLiteral => Expr is null && ExprText is null;
}
