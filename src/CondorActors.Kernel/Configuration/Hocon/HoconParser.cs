namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Parses tokens into an unresolved tree (HOCON.md, syntax): root braces may be omitted, fields
/// are separated by commas or newlines, keys are path expressions, values are concatenations.
/// Duplicate keys are kept as ordered definitions; the resolver merges them.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly List<HoconToken> _tokens;
    private readonly HoconDocument _document;
    private readonly HoconLoader _loader;
    private readonly string[] _prefix;
    private readonly IReadOnlyList<string> _includeStack;
    private int _pos;

    private HoconParser(List<HoconToken> tokens, HoconDocument document, HoconLoader loader, string[] prefix, IReadOnlyList<string> includeStack)
    {
        _tokens = tokens;
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
        var tokens = new HoconTokenizer(text, document.Name).Tokenize();
        return new HoconParser(tokens, document, loader, prefix, includeStack).ParseRoot();
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
            var root = ParseObject(braced: true, _prefix);
            SkipBlank();
            var after = Peek();
            if (after.Kind != HoconTokenKind.Eof)
            {
                throw Error(after, $"expected end of file after the root object's closing '}}', found {after.Describe()}");
            }

            return root;
        }

        return ParseObject(braced: false, _prefix);
    }

    private UnresolvedObject ParseObject(bool braced, string[] objectPath)
    {
        var open = Peek();
        if (braced)
        {
            _pos++;
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

                    _pos++;
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

                    _pos++;
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
                ParseInclude(obj, objectPath);
            }
            else
            {
                ParseField(obj, objectPath);
            }

            needSeparator = true;
        }
    }

    private void ParseField(UnresolvedObject obj, string[] objectPath)
    {
        var keyToken = Peek();
        var key = ParseKey();
        SkipBlank();
        var sep = Peek();
        var append = false;
        switch (sep.Kind)
        {
            case HoconTokenKind.Colon or HoconTokenKind.Equals:
                _pos++;
                SkipBlank();
                break;
            case HoconTokenKind.PlusEquals:
                append = true;
                _pos++;
                SkipBlank();
                break;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw Error(sep, $"expected ':', '=', '+=' or '{{' after key '{HoconPath.Render(key)}', found {sep.Describe()}");
        }

        string[] fieldPath = [.. objectPath, .. key];
        var valueToken = Peek();
        if (!StartsValue(valueToken.Kind))
        {
            throw Error(valueToken, $"expected a value for '{HoconPath.Render(key)}', found {valueToken.Describe()}");
        }

        var value = ParseValue(fieldPath);
        if (append)
        {
            // HOCON.md: "a += b" is "a = ${?a} [b]" (a self-referential array concatenation).
            var self = new HoconSubstitution(fieldPath, null, optional: true, sep.Origin);
            value = new HoconConcatenation([self, new UnresolvedArray([value], valueToken.Origin)], sep.Origin);
        }

        AddPathField(obj, key, value, keyToken.Origin);
        ExpectEndOfField(key);
    }

    private void ExpectEndOfField(string[] key)
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
        throw Error(t, $"expected ',' or a newline after the value of '{HoconPath.Render(key)}', found {t.Describe()}{hint}");
    }

    private static void AddPathField(UnresolvedObject obj, string[] key, HoconNode value, HoconOrigin origin)
    {
        // HOCON.md, paths as keys: "foo.bar : 42" is "foo { bar : 42 }".
        var node = value;
        for (var i = key.Length - 1; i >= 1; i--)
        {
            var wrapper = new UnresolvedObject(origin);
            wrapper.Add(key[i], node);
            node = wrapper;
        }

        obj.Add(key[0], node);
    }

    private string[] ParseKey()
    {
        var builder = new HoconPath.PathBuilder();
        var first = Peek();
        var written = new System.Text.StringBuilder();
        HoconToken? pendingWhitespace = null;
        var any = false;
        while (true)
        {
            var t = Peek();
            switch (t.Kind)
            {
                case HoconTokenKind.Whitespace:
                    pendingWhitespace = t;
                    _pos++;
                    continue;
                case HoconTokenKind.QuotedString:
                    Flush();
                    builder.AddQuoted(t.Text);
                    written.Append('"').Append(t.Text).Append('"');
                    break;
                case HoconTokenKind.UnquotedText or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null:
                    Flush();
                    builder.AddUnquoted(t.Text, t.Origin);
                    written.Append(t.Text);
                    break;
                case HoconTokenKind.Substitution:
                    throw Error(t, "substitutions are not allowed in keys: expected a key made of quoted or unquoted strings");
                default:
                    if (!any)
                    {
                        throw Error(t, $"expected a key, found {t.Describe()}");
                    }

                    return builder.Build(first.Origin, written.ToString());
            }

            any = true;
            _pos++;
        }

        void Flush()
        {
            if (pendingWhitespace is { } ws && any)
            {
                builder.AddUnquoted(ws.Text, ws.Origin);
                written.Append(ws.Text);
            }

            pendingWhitespace = null;
        }
    }

    private HoconToken Peek() => _tokens[_pos];

    /// <summary>Skips whitespace and newlines; true when a newline was skipped.</summary>
    private bool SkipBlank()
    {
        var newline = false;
        while (true)
        {
            var kind = _tokens[_pos].Kind;
            if (kind == HoconTokenKind.Newline)
            {
                newline = true;
            }
            else if (kind != HoconTokenKind.Whitespace)
            {
                return newline;
            }

            _pos++;
        }
    }

    private void SkipWhitespace()
    {
        while (_tokens[_pos].Kind == HoconTokenKind.Whitespace)
        {
            _pos++;
        }
    }

    private static HoconException Error(HoconToken token, string message) => new(token.Origin, message);
}
