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
    // The look-ahead token; a plain field and flag because tokens are large structs and the
    // parser peeks at nearly every step.
    private HoconToken _current;
    private bool _hasCurrent;

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
            var root = (UnresolvedObject)ParseObject(braced: true, root: true);
            SkipBlank();
            var after = Peek();
            if (after.Kind != HoconTokenKind.Eof)
            {
                throw Error(after, $"expected end of file after the root object's closing '}}', found {after.Describe()}");
            }

            return root;
        }

        return (UnresolvedObject)ParseObject(braced: false, root: true);
    }

    private HoconToken Peek()
    {
        PeekKind();
        return _current;
    }

    private HoconTokenKind PeekKind()
    {
        if (!_hasCurrent)
        {
            _current = _tokenizer.Next();
            _hasCurrent = true;
        }

        return _current.Kind;
    }

    private void Advance()
    {
        if (!_hasCurrent)
        {
            _tokenizer.Next();
        }

        _hasCurrent = false;
    }

    /// <summary>Skips whitespace and newlines; true when a newline was skipped.</summary>
    private bool SkipBlank()
    {
        var newline = false;
        while (true)
        {
            var kind = PeekKind();
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
        while (PeekKind() == HoconTokenKind.Whitespace)
        {
            Advance();
        }
    }

    private static HoconException Error(HoconToken token, string message) => new(token.Origin, message);
}
