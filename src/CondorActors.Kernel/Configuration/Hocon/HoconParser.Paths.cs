namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconParser
{
    // The path of the field being parsed, one frame per key (a key may be a path itself). Only
    // '+=' and includes need it as an array, so it is built for them alone, not per field.
    private readonly List<PathFrame> _path = [];

    /// <summary>
    /// The absolute path of the current position: the fields being parsed, back to the nearest
    /// array element (objects in arrays cannot be addressed by a path), else the include prefix.
    /// </summary>
    private string[] CurrentPath()
    {
        var from = _path.Count;
        var length = 0;
        while (from > 0 && !_path[from - 1].IsArrayElement)
        {
            from--;
            length += _path[from].Key.Length;
        }

        var prefix = from == 0 ? _prefix : [];
        var result = new string[prefix.Length + length];
        prefix.CopyTo(result, 0);
        var at = prefix.Length;
        for (var i = from; i < _path.Count; i++)
        {
            if (_path[i].Key.Path is { } path)
            {
                path.CopyTo(result, at);
                at += path.Length;
            }
            else
            {
                result[at++] = _path[i].Key.First;
            }
        }

        return result;
    }

    /// <summary>A key as written: one element (the usual case, no array needed) or a path.</summary>
    private readonly record struct ParsedKey(string First, string[]? Path)
    {
        public int Length => Path?.Length ?? 1;

        public string Render() => HoconPath.Render(Path ?? [First]);
    }

    private readonly record struct PathFrame(ParsedKey Key, bool IsArrayElement = false);

    private ParsedKey ParseKey()
    {
        var first = Peek();
        if (!IsKeyPiece(first.Kind))
        {
            throw first.Kind == HoconTokenKind.Substitution
                ? Error(first, "substitutions are not allowed in keys: expected a key made of quoted or unquoted strings")
                : Error(first, $"expected a key, found {first.Describe()}");
        }

        Advance();
        SkipWhitespaceKeeping(out var whitespace);
        if (!IsKeyPiece(PeekKind()))
        {
            // Fast path: the usual key is one unquoted word or one quoted string.
            if (first.Kind == HoconTokenKind.QuotedString || !first.Text.Contains('.', StringComparison.Ordinal))
            {
                return new ParsedKey(first.Text, null);
            }

            if (SplitPath(first.Text) is { } simple)
            {
                return new ParsedKey(simple[0], simple);
            }
        }

        var builder = new HoconPath.PathBuilder();
        var written = new System.Text.StringBuilder();
        AddPiece(first);
        while (IsKeyPiece(PeekKind()))
        {
            if (whitespace is { } ws)
            {
                builder.AddUnquoted(ws.Text, ws.Origin);
                written.Append(ws.Text);
            }

            AddPiece(Peek());
            Advance();
            SkipWhitespaceKeeping(out whitespace);
        }

        if (PeekKind() == HoconTokenKind.Substitution)
        {
            throw Error(Peek(), "substitutions are not allowed in keys: expected a key made of quoted or unquoted strings");
        }

        var path = builder.Build(first.Origin, written.ToString());
        return new ParsedKey(path[0], path.Length == 1 ? null : path);

        void AddPiece(HoconToken t)
        {
            if (t.Kind == HoconTokenKind.QuotedString)
            {
                builder.AddQuoted(t.Text);
                written.Append('"').Append(t.Text).Append('"');
            }
            else
            {
                builder.AddUnquoted(t.Text, t.Origin);
                written.Append(t.Text);
            }
        }
    }

    /// <summary>An unquoted dotted key such as <c>a.b.c</c>; null when an element is empty (the general path reports it).</summary>
    private string[]? SplitPath(string text)
    {
        var span = text.AsSpan();
        var path = new string[span.Count('.') + 1];
        var i = 0;
        foreach (var range in span.Split('.'))
        {
            var element = span[range];
            if (element.IsEmpty)
            {
                return null;
            }

            path[i++] = _tokenizer.Strings.Get(element);
        }

        return path;
    }

    private static bool IsKeyPiece(HoconTokenKind kind) => kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText
        or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null;

    private void SkipWhitespaceKeeping(out HoconToken? whitespace)
    {
        whitespace = null;
        while (PeekKind() == HoconTokenKind.Whitespace)
        {
            whitespace = Peek();
            Advance();
        }
    }
}
