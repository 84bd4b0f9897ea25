using System.Collections;
using System.Text;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// A ClassAd: named attributes holding expressions (literal values or unevaluated trees).
/// Names are case-insensitive for lookup and keep the spelling they were set with for output;
/// attributes keep their insertion order. Setting an existing name replaces its expression and
/// keeps the original spelling and position.
/// <para>
/// Thread safety: lookups and evaluation may run on several threads at once (expressions read
/// from JSON are parsed on first use, idempotently); mutation must not overlap any other use.
/// </para>
/// </summary>
public sealed partial class ClassAd : IEnumerable<KeyValuePair<string, ClassAdExpr>>
{
    // Below this many attributes a linear scan beats hashing; above it an index is built lazily.
    private const int IndexThreshold = 8;

    private AttributeSlot[] _slots;
    private int _count;
    private Dictionary<string, int>? _index;

    // Set by the JSON reader: names shared with other ads of the same read. While set and the
    // ad unchanged, _index may be the shape's shared index, which must never be mutated here.
    private ClassAdShape? _shape;
    private bool _indexShared;

    // Set by the JSON reader, which stores slots without checking duplicates (speed); cleared by
    // Normalize, which every lookup runs first.
    private volatile bool _needsNormalize;

    /// <summary>An empty ad.</summary>
    public ClassAd()
        : this(0)
    {
    }

    internal ClassAd(int capacity) => _slots = capacity == 0 ? [] : new AttributeSlot[capacity];

    private ClassAd(AttributeSlot[] slots, ClassAdShape shape)
    {
        _slots = slots;
        _count = slots.Length;
        _shape = shape;
        _needsNormalize = true;
    }

    /// <summary>Number of attributes.</summary>
    public int Count
    {
        get
        {
            Normalize();
            return _count;
        }
    }

    /// <summary>Attribute names in insertion order, spelled as set.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            Normalize();
            for (var i = 0; i < _count; i++)
            {
                yield return _slots[i].Name;
            }
        }
    }

    /// <summary>
    /// The expression of an attribute (null when absent); setting null removes it. Expressions
    /// read from JSON as <c>/Expr(...)/</c> are parsed here on first access; text that does not
    /// parse reads as the literal <c>error</c>.
    /// </summary>
    public ClassAdExpr? this[string name]
    {
        get => TryGetExpression(name, out var expr) ? expr : null;
        set
        {
            if (value is null)
            {
                Remove(name);
            }
            else
            {
                Set(name, value);
            }
        }
    }

    /// <summary>Parses ClassAd text <c>[ a = 1; b = a + 1 ]</c> into an ad.</summary>
    public static ClassAd Parse(string text)
    {
        var expr = ClassAdExpr.Parse(text);
        if (expr is not RecordExpr record)
        {
            throw new ClassAdParseException(new ClassAdParseError(
                "syntax error: expected a ClassAd in [ ] but found another expression", 0, 1, 1, "'['", text.Length > 20 ? text[..20] : text));
        }

        var ad = new ClassAd();
        foreach (var (name, value) in record.Attributes)
        {
            ad.Set(name, value);
        }

        return ad;
    }

    /// <summary>True when the ad has the attribute.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Gets the expression of an attribute.</summary>
    public bool TryGetExpression(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClassAdExpr? expr)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            expr = null;
            return false;
        }

        expr = ExpressionAt(i);
        return true;
    }

    /// <summary>The attribute name as spelled in the ad, or null when absent.</summary>
    public string? GetSpelling(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : _slots[i].Name;
    }

    /// <summary>Sets an attribute to an expression.</summary>
    public void Set(string name, ClassAdExpr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        if (expr is LiteralExpr literal)
        {
            SetSlot(name, new AttributeSlot(name, literal.Value, null, null));
        }
        else
        {
            SetSlot(name, new AttributeSlot(name, default, expr, null));
        }
    }

    /// <summary>Sets an attribute to a value (lists and records become list and record expressions).</summary>
    public void Set(string name, ClassAdValue value)
    {
        if (value.Kind is ClassAdValueKind.List or ClassAdValueKind.Record)
        {
            Set(name, ClassAdExpr.Literal(value));
        }
        else
        {
            SetSlot(name, new AttributeSlot(name, value, null, null));
        }
    }

    /// <summary>Sets an attribute to the expression in <paramref name="expressionText"/>; throws on a syntax error.</summary>
    public void SetExpression(string name, string expressionText) => Set(name, ClassAdExpr.Parse(expressionText));

    /// <summary>Removes an attribute; true when it was there.</summary>
    public bool Remove(string name)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            return false;
        }

        Array.Copy(_slots, i + 1, _slots, i, _count - i - 1);
        _count--;
        _slots[_count] = default;
        _index = null;
        _indexShared = false;
        _shape = null;
        BuildIndexIfLarge();
        return true;
    }

    /// <summary>Evaluates an attribute with this ad as MY and <paramref name="target"/> as TARGET; undefined when absent.</summary>
    public ClassAdValue Evaluate(string name, ClassAd? target = null, ClassAdEvaluationOptions? options = null) =>
        ClassAdEvaluator.EvaluateAttribute(this, name, target, options ?? ClassAdEvaluationOptions.Default);

    /// <summary>Evaluates an expression in the context of this ad (MY) and an optional TARGET.</summary>
    public ClassAdValue EvaluateExpression(ClassAdExpr expr, ClassAd? target = null, ClassAdEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        return ClassAdEvaluator.EvaluateTopLevel(expr, this, target, options ?? ClassAdEvaluationOptions.Default);
    }

    /// <summary>
    /// A new ad with only the named attributes that exist here (names matched without case,
    /// spelled as in this ad, in the order of <paramref name="names"/>; duplicates once).
    /// </summary>
    public ClassAd Project(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = new ClassAd();
        foreach (var name in names)
        {
            var i = IndexOf(name);
            if (i >= 0 && result.IndexOf(name) < 0)
            {
                result.SetSlot(_slots[i].Name, _slots[i]);
            }
        }

        return result;
    }

    /// <summary>A shallow copy (expressions are immutable and shared).</summary>
    public ClassAd Clone()
    {
        Normalize();
        var copy = new ClassAd(_count);
        Array.Copy(_slots, copy._slots, _count);
        copy._count = _count;
        copy.BuildIndexIfLarge();
        return copy;
    }

    /// <summary>True when both ads have the same names (without case) with structurally equal expressions.</summary>
    public bool ContentEquals(ClassAd other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (!other.TryGetExpression(_slots[i].Name, out var theirs) || !ExpressionAt(i).Equals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ad as ClassAd text: <c>[ Name = expr; ... ]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        ClassAdPrinter.WriteRecord(sb, this);
        return sb.ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ClassAdExpr>> GetEnumerator()
    {
        Normalize();
        for (var i = 0; i < _count; i++)
        {
            yield return new(_slots[i].Name, ExpressionAt(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
