namespace CondorActors.Domain.ClassAds;

/// <summary>
/// One attribute: a literal value, a parsed expression, or <c>/Expr(...)/</c> text from JSON not
/// parsed yet. Literals stay as values so that reading and evaluating them allocates nothing.
/// The literal's parts and the expression share fields (told apart by the kind) so a slot is 32
/// bytes: a condor_q ad has about a hundred of them and a query answer thousands of ads.
/// </summary>
internal struct AttributeSlot
{
    // Not a ClassAdValueKind a value can have: marks a slot holding an expression or its text.
    private const ClassAdValueKind ExpressionKind = (ClassAdValueKind)(-1);

    // The literal's reference part, or the ClassAdExpr, or the unparsed expression text.
    private object? _ref;
    private readonly long _bits;
    private ClassAdValueKind _kind;

    public AttributeSlot(string name, ClassAdValue literal, ClassAdExpr? expr, string? exprText)
    {
        Name = name;
        if (expr is not null || exprText is not null)
        {
            _ref = (object?)expr ?? exprText;
            _kind = ExpressionKind;
        }
        else
        {
            _ref = literal.Reference;
            _bits = literal.Bits;
            _kind = literal.Kind;
        }
    }

    public string Name { get; set; }

    /// <summary>The literal value (undefined for an expression slot).</summary>
    public readonly ClassAdValue Literal => _kind == ExpressionKind ? default : ClassAdValue.FromParts(_kind, _bits, _ref);

    /// <summary>Null (literal), a <see cref="ClassAdExpr"/>, or the unparsed expression text.</summary>
    public object? Payload
    {
        readonly get => _kind == ExpressionKind ? _ref : null;
        set
        {
            ArgumentNullException.ThrowIfNull(value);

            // On an expression slot this is one reference write, so threads that parse the same
            // text at once race harmlessly (ClassAd.ExpressionAt).
            _ref = value;
            _kind = ExpressionKind;
        }
    }

    public readonly ClassAdExpr? Expr => Payload as ClassAdExpr;

    /// <summary>The expression text when it has not been parsed yet.</summary>
    public readonly string? ExprText => Payload as string;

    public readonly bool IsLiteral => _kind != ExpressionKind;
}
