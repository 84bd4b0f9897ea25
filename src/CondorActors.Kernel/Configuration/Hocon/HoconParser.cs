namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Parses tokens into an unresolved tree (HOCON.md, syntax): root braces may be omitted, fields
/// are separated by commas or newlines, keys are path expressions, values are concatenations.
/// Duplicate keys are kept as ordered definitions; the resolver merges them.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly HoconTokenizer _tokenizer;
    private readonly HoconDocument _document;
    private readonly HoconLoader _loader;
    private readonly string[] _prefix;
    private readonly IReadOnlyList<string> _includeStack;
    private HoconToken? _current;

    private HoconParser(HoconTokenizer tokenizer, HoconDocument document, HoconLoader loader, string[] prefix, IReadOnlyList<string> includeStack)
    {
        _tokenizer = tokenizer;
        _document = document;
        _loader = loader;
        _prefix = prefix;
        _includeStack = includeStack;
    }

    /// <summary>
    /// Parses a whole document. <paramref name="prefix"/> is the path of the object an include
    /// statement sits in: substitutions of the included file are fixed up with it.
    /// </summary>
    public static UnresolvedObject ParseDocument(string text, HoconDocument document, HoconLoader loader, string[] prefix, IReadOnlyList<string> includeStack)
    {
        var tokenizer = new HoconTokenizer(text, document.Name);
        return new HoconParser(tokenizer, document, loader, prefix, includeStack).ParseRoot();
    }

    private UnresolvedObject ParseRoot()
    {
        SkipBlank();
        var first = Peek();
        if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error(first, "expected an object at the root of the document, found an array (a configuration must be an object)");
        }

        if (first.Kind == HoconTokenKind.OpenBrace)
        {
            var root = ParseObject(braced: true);
            SkipBlank();
            var after = Peek();
            if (after.Kind != HoconTokenKind.Eof)
            {
                throw Error(after, $"expected end of file after the root object's closing '}}', found {after.Describe()}");
            }

            return root;
        }

        return ParseObject(braced: false);
    }

    private UnresolvedObject ParseObject(bool braced)
    {
        var open = Peek();
        if (braced)
        {
            Advance();
        }

        var obj = new UnresolvedObject(open.Origin);
        var needSeparator = false;
        while (true)
        {
            var sawNewline = SkipBlank();
            var t = Peek();
            switch (t.Kind)
            {
                case HoconTokenKind.CloseBrace:
                    if (!braced)
                    {
                        throw Error(t, "unbalanced '}': the document has no opening '{'");
                    }

                    Advance();
                    return obj;
                case HoconTokenKind.Eof:
                    if (braced)
                    {
                        throw Error(t, $"expected '}}' to close the object opened at line {open.Origin.Line} column {open.Origin.Column}, found end of file");
                    }

                    return obj;
                case HoconTokenKind.Comma:
                    if (!needSeparator)
                    {
                        throw Error(t, "expected a field or '}', found ',' (only one comma may follow a field)");
                    }

                    Advance();
                    needSeparator = false;
                    continue;
                default:
                    break;
            }

            if (needSeparator && !sawNewline)
            {
                throw Error(t, $"expected ',' or a newline between fields, found {t.Describe()}");
            }

            if (t.Kind == HoconTokenKind.UnquotedText && t.Text == "include")
            {
                ParseInclude(obj);
            }
            else
            {
                ParseField(obj);
            }

            needSeparator = true;
        }
    }

    private void ParseField(UnresolvedObject obj)
    {
        var keyToken = Peek();
        var key = ParseKey();
        SkipBlank();
        var sep = Peek();
        var append = false;
        switch (sep.Kind)
        {
            case HoconTokenKind.Colon or HoconTokenKind.Equals:
                Advance();
                SkipBlank();
                break;
            case HoconTokenKind.PlusEquals:
                append = true;
                Advance();
                SkipBlank();
                break;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw Error(sep, $"expected ':', '=', '+=' or '{{' after key '{key.Render()}', found {sep.Describe()}");
        }

        var valueToken = Peek();
        if (!StartsValue(valueToken.Kind))
        {
            throw Error(valueToken, $"expected a value for '{key.Render()}', found {valueToken.Describe()}");
        }

        _path.Add(new PathFrame(key));
        var value = ParseValue();
        if (append)
        {
            // HOCON.md: "a += b" is "a = ${?a} [b]" (a self-referential array concatenation).
            var self = new HoconSubstitution(CurrentPath(), null, optional: true, sep.Origin);
            value = new HoconConcatenation([self, new UnresolvedArray([value], valueToken.Origin)], sep.Origin);
        }

        _path.RemoveAt(_path.Count - 1);

        AddPathField(obj, key, value, keyToken.Origin);
        ExpectEndOfField(key);
    }

    private void ExpectEndOfField(ParsedKey key)
    {
        SkipWhitespace();
        var t = Peek();
        if (t.Kind is HoconTokenKind.Comma or HoconTokenKind.Newline or HoconTokenKind.CloseBrace or HoconTokenKind.Eof)
        {
            return;
        }

        var hint = t.Kind is HoconTokenKind.Colon or HoconTokenKind.Equals
            ? " (':' and '=' are not allowed in unquoted strings: quote the value)"
            : "";
        throw Error(t, $"expected ',' or a newline after the value of '{key.Render()}', found {t.Describe()}{hint}");
    }

    private HoconToken Peek() => _current ??= _tokenizer.Next();

    private void Advance()
    {
        _current ??= _tokenizer.Next();
        _current = null;
    }

    /// <summary>Skips whitespace and newlines; true when a newline was skipped.</summary>
    private bool SkipBlank()
    {
        var newline = false;
        while (true)
        {
            var kind = Peek().Kind;
            if (kind == HoconTokenKind.Newline)
            {
                newline = true;
            }
            else if (kind != HoconTokenKind.Whitespace)
            {
                return newline;
            }

            Advance();
        }
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Advance();
        }
    }

    private static HoconException Error(HoconToken token, string message) => new(token.Origin, message);
}
