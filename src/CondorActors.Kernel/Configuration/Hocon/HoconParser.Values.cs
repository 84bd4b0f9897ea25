using System.Text;

namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconParser
{
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
        List<HoconNode>? parts = null;
        HoconNode? single = null;
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

            var node = ParseSingle();
            if (node is not (HoconString or HoconNumber or HoconBoolean or HoconNull))
            {
                onlyLiterals = false;
            }

            if (single is null)
            {
                single = node;
            }
            else
            {
                parts ??= [single];
                if (pendingWhitespace is { } ws)
                {
                    parts.Add(new HoconWhitespace(ws.Text, ws.Origin));
                }

                parts.Add(node);
            }

            pendingWhitespace = null;
        }

        if (single is null)
        {
            throw Error(first, $"expected a value, found {first.Describe()}");
        }

        if (parts is null)
        {
            return single;
        }

        if (onlyLiterals)
        {
            // Fold literal-only concatenations ("5 s", "10m", "a b c") now: nothing to resolve.
            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                sb.Append(part is HoconWhitespace w ? w.Text : ((HoconValue)part).ScalarText);
            }

            return new HoconString(sb.ToString(), first.Origin);
        }

        return new HoconConcatenation(parts, first.Origin);
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

    private UnresolvedArray ParseArray()
    {
        var open = Peek();
        Advance();
        var items = new List<HoconNode>();
        var needSeparator = false;
        while (true)
        {
            var sawNewline = SkipBlank();
            var t = Peek();
            switch (t.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    Advance();
                    return new UnresolvedArray(items, open.Origin);
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
            items.Add(ParseValue());
            _path.RemoveAt(_path.Count - 1);
            needSeparator = true;
        }
    }
}
