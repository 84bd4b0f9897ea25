namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Objects. A plain object (no substitution or concatenation inside) without duplicate keys
/// needs no resolution, and most of a large file is made of them, so it is built directly as a
/// resolved <see cref="HoconObject"/>: the resolver treats a resolved object among definitions
/// exactly like the literal it came from. Anything else (duplicate keys, whose merge rules the
/// resolver applies, includes, substitutions) keeps the object unresolved.
/// </summary>
internal sealed partial class HoconParser
{
    // Past this a linear search for duplicate keys costs more than the unresolved form's index.
    private const int MaxResolvedFields = 32;

    // Fields of the objects being parsed, innermost last (a stack shared by the nested objects).
    private readonly List<KeyValuePair<string, HoconValue>> _fields = [];

    /// <summary>
    /// An object's fields up to its closing brace. A value object that turns out plain and free of
    /// duplicate keys is returned resolved (a <see cref="HoconObject"/>); the root and every other
    /// object stay an <see cref="UnresolvedObject"/> for the resolver.
    /// </summary>
    private HoconNode ParseObject(bool braced, bool root = false)
    {
        var open = Peek();
        if (braced)
        {
            Advance();
        }

        var obj = new ObjectFields(_fields.Count, open.Origin);
        if (root)
        {
            Unresolved(ref obj);
        }

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
                    return Complete(ref obj);
                case HoconTokenKind.Eof:
                    if (braced)
                    {
                        throw Error(t, $"expected '}}' to close the object opened at line {open.Origin.Line} column {open.Origin.Column}, found end of file");
                    }

                    return Complete(ref obj);
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
                ParseInclude(ref obj);
            }
            else
            {
                ParseField(ref obj);
            }

            needSeparator = true;
        }
    }

    private void ParseField(ref ObjectFields obj)
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

        AddField(ref obj, key, value, keyToken.Origin);
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

    /// <summary>
    /// Adds a field; <c>foo.bar : 42</c> is <c>foo { bar : 42 }</c> (HOCON.md, paths as keys).
    /// </summary>
    private void AddField(ref ObjectFields obj, ParsedKey key, HoconNode value, HoconOrigin origin)
    {
        var node = value;
        if (key.Path is { } path)
        {
            for (var i = path.Length - 1; i >= 1; i--)
            {
                node = Wrap(path[i], node, origin);
            }
        }

        if (obj.Unresolved is null && node is HoconValue plain && _fields.Count - obj.Start < MaxResolvedFields && !HasField(obj.Start, key.First))
        {
            _fields.Add(new(key.First, plain));
            return;
        }

        Unresolved(ref obj).Add(key.First, node);
    }

    private static HoconNode Wrap(string key, HoconNode node, HoconOrigin origin)
    {
        if (node is HoconValue plain)
        {
            var resolved = new HoconObject(origin, 1);
            resolved.Append(key, plain);
            return resolved;
        }

        var wrapper = new UnresolvedObject(origin);
        wrapper.Add(key, node);
        return wrapper;
    }

    private bool HasField(int start, string key)
    {
        for (var i = start; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Switches the object to the resolver's form, moving the fields collected so far into it.</summary>
    private UnresolvedObject Unresolved(ref ObjectFields obj)
    {
        if (obj.Unresolved is { } existing)
        {
            return existing;
        }

        var unresolved = new UnresolvedObject(obj.Origin);
        for (var i = obj.Start; i < _fields.Count; i++)
        {
            unresolved.Add(_fields[i].Key, _fields[i].Value);
        }

        _fields.RemoveRange(obj.Start, _fields.Count - obj.Start);
        obj.Unresolved = unresolved;
        return unresolved;
    }

    private HoconNode Complete(ref ObjectFields obj)
    {
        if (obj.Unresolved is { } unresolved)
        {
            return unresolved;
        }

        var count = _fields.Count - obj.Start;
        var result = new HoconObject(obj.Origin, count);
        for (var i = obj.Start; i < _fields.Count; i++)
        {
            result.Append(_fields[i].Key, _fields[i].Value);
        }

        _fields.RemoveRange(obj.Start, count);
        return result;
    }

    /// <summary>
    /// The fields of the object being parsed: at first in <see cref="_fields"/> from
    /// <see cref="Start"/> on (plain values, distinct keys), else in <see cref="Unresolved"/>.
    /// </summary>
    private struct ObjectFields(int start, HoconOrigin origin)
    {
        public readonly int Start = start;
        public readonly HoconOrigin Origin = origin;
        public UnresolvedObject? Unresolved;
    }
}
