using System.Text;

namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconParser
{
    // Values of the concatenations and elements of the arrays being parsed, innermost last
    // (stacks shared by nested values, so a value allocates only what it keeps).
    private readonly List<ValuePart> _parts = [];
    private readonly List<HoconNode> _items = [];
    private readonly StringBuilder _text = new();

    private static bool StartsValue(HoconTokenKind kind) => kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText
        or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null
        or HoconTokenKind.Substitution or HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket;

    /// <summary>
    /// A value: one or more values on the same line (HOCON.md, value concatenation). Whitespace
    /// between values is kept; before the first and after the last it is dropped.
    /// </summary>
    private HoconNode ParseValue()
    {
        var first = Peek();
        var start = _parts.Count;
        HoconToken? pendingWhitespace = null;
        var onlyLiterals = true;
        while (true)
        {
            var t = Peek();
            if (t.Kind == HoconTokenKind.Whitespace)
            {
                pendingWhitespace = t;
                Advance();
                continue;
            }

            if (!StartsValue(t.Kind))
            {
                break;
            }

            // Whitespace becomes a node only if the concatenation is kept for the resolver.
            var whitespace = _parts.Count > start && pendingWhitespace is { } ws ? ws : default;
            var node = ParseSingle();
            onlyLiterals &= node is HoconString or HoconNumber or HoconBoolean or HoconNull;
            _parts.Add(new ValuePart(whitespace.Text, node));
            pendingWhitespace = null;
        }

        var count = _parts.Count - start;
        if (count == 0)
        {
            throw Error(first, $"expected a value, found {first.Describe()}");
        }

        HoconNode result;
        if (count == 1)
        {
            result = _parts[start].Node;
        }
        else if (onlyLiterals)
        {
            // Fold literal-only concatenations ("5 s", "10m", "a b c") now: nothing to resolve.
            var sb = _text.Clear();
            for (var i = start; i < _parts.Count; i++)
            {
                sb.Append(_parts[i].Whitespace).Append(((HoconValue)_parts[i].Node).ScalarText);
            }

            // Durations and sizes ("2 minutes", "512 MiB") repeat through a file: share short ones.
            result = new HoconString(_tokenizer.Strings.Get(sb), first.Origin);
        }
        else
        {
            var size = count;
            for (var i = start; i < _parts.Count; i++)
            {
                size += _parts[i].Whitespace is null ? 0 : 1;
            }

            var parts = new HoconNode[size];
            var n = 0;
            for (var i = start; i < _parts.Count; i++)
            {
                if (_parts[i].Whitespace is { } text)
                {
                    parts[n++] = HoconWhitespace.Of(text);
                }

                parts[n++] = _parts[i].Node;
            }

            result = new HoconConcatenation(parts, first.Origin);
        }

        _parts.RemoveRange(start, count);
        return result;
    }

    private HoconNode ParseSingle()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case HoconTokenKind.OpenBrace:
                return ParseObject(braced: true);
            case HoconTokenKind.OpenBracket:
                return ParseArray();
            default:
                break;
        }

        Advance();
        return t.Kind switch
        {
            HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText => new HoconString(t.Text, t.Origin),
            HoconTokenKind.Number => new HoconNumber(t.Text, t.Origin),
            HoconTokenKind.True => new HoconBoolean(true, t.Origin),
            HoconTokenKind.False => new HoconBoolean(false, t.Origin),
            HoconTokenKind.Null => new HoconNull(t.Origin),
            HoconTokenKind.Substitution => _prefix.Length == 0
                ? new HoconSubstitution(t.Path!, null, t.Optional, t.Origin)
                : new HoconSubstitution([.. _prefix, .. t.Path!], t.Path, t.Optional, t.Origin),
            _ => throw Error(t, $"expected a value, found {t.Describe()}"),
        };
    }

    private HoconNode ParseArray()
    {
        var open = Peek();
        Advance();
        var start = _items.Count;
        var needSeparator = false;
        while (true)
        {
            var sawNewline = SkipBlank();
            var t = Peek();
            switch (t.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    Advance();
                    return CompleteArray(start, open.Origin);
                case HoconTokenKind.Eof:
                    throw Error(t, $"expected ']' to close the array opened at line {open.Origin.Line} column {open.Origin.Column}, found end of file");
                case HoconTokenKind.Comma:
                    if (!needSeparator)
                    {
                        throw Error(t, "expected an array element or ']', found ',' (only one comma may follow an element)");
                    }

                    Advance();
                    needSeparator = false;
                    continue;
                default:
                    break;
            }

            if (needSeparator && !sawNewline)
            {
                throw Error(t, $"expected ',' or a newline between array elements, found {t.Describe()}");
            }

            if (!StartsValue(t.Kind))
            {
                throw Error(t, $"expected an array element or ']', found {t.Describe()}");
            }

            // Objects inside arrays cannot be addressed by a path; '+=' inside them is relative to the object.
            _path.Add(new PathFrame(default, IsArrayElement: true));
            var item = ParseValue();
            _items.Add(item);
            _path.RemoveAt(_path.Count - 1);
            needSeparator = true;
        }
    }

    /// <summary>An array of plain values needs no resolution: it is built resolved, like plain objects.</summary>
    private HoconNode CompleteArray(int start, HoconOrigin origin)
    {
        var count = _items.Count - start;
        var plain = true;
        for (var i = start; i < _items.Count && plain; i++)
        {
            plain = _items[i] is HoconValue;
        }

        HoconNode result;
        if (plain)
        {
            var values = new HoconValue[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (HoconValue)_items[start + i];
            }

            result = new HoconArray(values, origin);
        }
        else
        {
            result = new UnresolvedArray(_items.GetRange(start, count), origin);
        }

        _items.RemoveRange(start, count);
        return result;
    }

    /// <summary>One value of a concatenation and the whitespace written before it (null for the first).</summary>
    private readonly record struct ValuePart(string? Whitespace, HoconNode Node);
}
