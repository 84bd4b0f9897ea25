namespace CondorActors.Domain.ClassAds;

/// <summary>
/// A node of a parsed ClassAd expression. Trees are immutable and safe to share between threads
/// and ads. <see cref="ToString"/> prints canonical ClassAd text (minimal parentheses, normalized
/// spacing) that parses back to an equal tree; <see cref="Equals(object)"/> is structural.
/// </summary>
public abstract class ClassAdExpr : IEquatable<ClassAdExpr>
{
    private protected ClassAdExpr()
    {
    }

    /// <summary>Parses ClassAd expression text; throws <see cref="ClassAdParseException"/> on a syntax error.</summary>
    public static ClassAdExpr Parse(string text) => ClassAdParser.ParseExpression(text, ClassAdParseOptions.Default);

    /// <summary>
    /// The expression for a value: scalars become literals, lists and records become list and
    /// record expressions of literals (so that printing and parsing give the same tree back).
    /// </summary>
    public static ClassAdExpr Literal(ClassAdValue value)
    {
        switch (value.Kind)
        {
            case ClassAdValueKind.List:
                return new ListExpr(value.ListRef.Select(Literal).ToArray());
            case ClassAdValueKind.Record:
                var ad = value.RecordRef.Ad;
                return new RecordExpr(ad.Select(a => new KeyValuePair<string, ClassAdExpr>(a.Key, a.Value)).ToArray());
            default:
                return LiteralExpr.Of(value);
        }
    }

    /// <summary>Evaluates the expression with MY = <paramref name="my"/> and TARGET = <paramref name="target"/>.</summary>
    public ClassAdValue Evaluate(ClassAd? my = null, ClassAd? target = null, ClassAdEvaluationOptions? options = null) =>
        ClassAdEvaluator.EvaluateTopLevel(this, my, target, options ?? ClassAdEvaluationOptions.Default);

    /// <summary>Canonical ClassAd text of the expression.</summary>
    public sealed override string ToString() => ClassAdPrinter.Print(this);

    /// <summary>Structural equality.</summary>
    public abstract bool Equals(ClassAdExpr? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is ClassAdExpr other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    internal static bool SequenceEqual(IReadOnlyList<ClassAdExpr> a, IReadOnlyList<ClassAdExpr> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
