namespace CondorActors.Domain.ClassAds;

/// <summary>
/// One attribute: a literal value (when <see cref="Payload"/> is null), a parsed expression, or
/// <c>/Expr(...)/</c> text from JSON not parsed yet. Literals stay as values so that reading and
/// evaluating them allocates nothing; expression and text share one field to keep the slot small
/// (an ad from condor_q has about a hundred of them).
/// </summary>
internal struct AttributeSlot
{
    public AttributeSlot(string name, ClassAdValue literal, ClassAdExpr? expr, string? exprText)
    {
        Name = name;
        Literal = literal;
        Payload = (object?)expr ?? exprText;
    }

    public string Name { get; set; }

    public ClassAdValue Literal { get; }

    /// <summary>Null (literal), a <see cref="ClassAdExpr"/>, or the unparsed expression text.</summary>
    public object? Payload { get; set; }

    public readonly ClassAdExpr? Expr => Payload as ClassAdExpr;

    /// <summary>The expression text when it has not been parsed yet.</summary>
    public readonly string? ExprText => Payload as string;

    public readonly bool IsLiteral => Payload is null;
}
