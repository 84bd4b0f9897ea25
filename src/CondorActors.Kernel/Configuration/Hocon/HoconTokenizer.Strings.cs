using System.Globalization;

namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconTokenizer
{
    // The last simple substitution read: a file tends to repeat the same one (a defaults object).
    private (string Text, string[] Path)? _lastSubstitution;

    private void ReadQuoted(HoconOrigin origin)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            ReadTripleQuoted(origin);
            return;
        }

        _pos++;

        // Fast path: most quoted strings have no escapes and are a slice of the text.
        var end = _pos;
        while (end < _text.Length && _text[end] is not ('"' or '\\') && _text[end] >= ' ')
        {
            end++;
        }

        if (end < _text.Length && _text[end] == '"')
        {
            var slice = _strings.Get(_text.AsSpan(_pos, end - _pos));
            _pos = end + 1;
            Emit(new(HoconTokenKind.QuotedString, slice, origin));
            return;
        }

        var sb = _builder.Clear();
        sb.Append(_text, _pos, end - _pos);
        _pos = end;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(origin, "unterminated quoted string: expected a closing '\"'");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                break;
            }

            if (c == '\n')
            {
                throw Error(Here(), "newline in a quoted string: expected a closing '\"' on the same line (use \"\"\" for multi-line strings)");
            }

            if (c < ' ')
            {
                throw Error(Here(), $"control character U+{(int)c:X4} in a quoted string: expected it escaped (\\t, \\n, \\uXXXX)");
            }

            if (c == '\\')
            {
                sb.Append(ReadEscape());
                continue;
            }

            sb.Append(c);
            _pos++;
        }

        // Escaped strings repeat too (a quoted note in every site); short ones are shared.
        Emit(new(HoconTokenKind.QuotedString, _strings.Get(sb), origin));
    }

    private char ReadEscape()
    {
        var origin = Here();
        _pos++;
        if (_pos >= _text.Length)
        {
            throw Error(origin, "unterminated escape sequence: expected a character after '\\'");
        }

        var e = _text[_pos++];
        switch (e)
        {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    _pos += 4;
                    return (char)code;
                }

                throw Error(origin, "invalid \\u escape: expected four hexadecimal digits");
            default:
                throw Error(origin, $"invalid escape '\\{e}' in quoted string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private void ReadTripleQuoted(HoconOrigin origin)
    {
        // HOCON.md, multi-line strings: no escapes; any run of three or more quotes ends the
        // string and the extra quotes belong to it (like Scala).
        _pos += 3;
        var start = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(origin, "unterminated multi-line string: expected a closing '\"\"\"'");
            }

            var c = _text[_pos];
            if (c == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                var end = _pos + 3;
                while (end < _text.Length && _text[end] == '"')
                {
                    end++;
                }

                var contentEnd = end - 3;
                var value = _text[start..contentEnd];
                CountLines(start, end);
                _pos = end;
                Emit(new(HoconTokenKind.QuotedString, value, origin));
                return;
            }

            _pos++;
        }
    }

    private void CountLines(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }
    }

    private void ReadSubstitution(HoconOrigin origin)
    {
        if (Peek(1) != '{')
        {
            throw Error(origin, "'$' is only allowed as the start of a substitution '${...}' outside quotes; quote the string if '$' is part of it");
        }

        _pos += 2;
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _pos++;
        }

        if (TryReadSimpleSubstitution(origin, optional))
        {
            return;
        }

        var builder = new HoconPath.PathBuilder();
        var pendingWhitespace = "";
        var start = _pos;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(origin, "unterminated substitution: expected '}' before the end of the line");
            }

            var c = _text[_pos];
            var here = Here();
            if (c == '}')
            {
                _pos++;
                break;
            }

            if (IsWhitespace(c))
            {
                var ws = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
                {
                    _pos++;
                }

                pendingWhitespace = builder.IsEmpty ? "" : _text[ws.._pos];
                continue;
            }

            if (pendingWhitespace.Length > 0)
            {
                builder.AddUnquoted(pendingWhitespace, here);
                pendingWhitespace = "";
            }

            if (c == '"')
            {
                ReadQuoted(here);
                builder.AddQuoted(_pending.Text);
                continue;
            }

            if (IsWhitespace(c) || IsForbidden(c) || (c == '/' && Peek(1) == '/'))
            {
                throw Error(here, $"unexpected '{c}' in substitution: expected a path expression and '}}'");
            }

            var runStart = _pos;
            while (_pos < _text.Length)
            {
                var d = _text[_pos];
                if (IsWhitespace(d) || IsForbidden(d) || (d == '/' && Peek(1) == '/'))
                {
                    break;
                }

                _pos++;
            }

            builder.AddUnquoted(_text[runStart.._pos], here);
        }

        if (builder.IsEmpty)
        {
            throw Error(origin, "empty substitution: expected a path expression inside '${}'");
        }

        var written = _text[start..(_pos - 1)].Trim();
        var path = builder.Build(origin, written);
        Emit(new(HoconTokenKind.Substitution, written, origin, path, optional));
    }

    /// <summary>
    /// The usual substitution, <c>${a.b-c}</c>: unquoted, no whitespace, no empty element. Anything
    /// else (quotes, spaces, errors) takes the general path, which also reports the errors.
    /// </summary>
    private bool TryReadSimpleSubstitution(HoconOrigin origin, bool optional)
    {
        var end = _pos;
        var elements = 1;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (c == '.')
            {
                elements++;
            }
            else if (c == '}' || IsWhitespace(c) || IsForbidden(c) || (c == '/' && end + 1 < _text.Length && _text[end + 1] == '/'))
            {
                break;
            }

            end++;
        }

        if (end == _pos || end >= _text.Length || _text[end] != '}')
        {
            return false;
        }

        var written = _text.AsSpan(_pos, end - _pos);
        if (_lastSubstitution is { } last && written.SequenceEqual(last.Text))
        {
            // The same reference again (every "site-N = ${defaults} {...}"): share its text and
            // path, which nothing modifies.
            _pos = end + 1;
            Emit(new(HoconTokenKind.Substitution, last.Text, origin, last.Path, optional));
            return true;
        }

        var path = new string[elements];
        var i = 0;
        foreach (var range in written.Split('.'))
        {
            if (range.End.Value == range.Start.Value)
            {
                return false;
            }

            path[i++] = _strings.Get(written[range]);
        }

        _pos = end + 1;
        var text = _strings.Get(written);
        _lastSubstitution = (text, path);
        Emit(new(HoconTokenKind.Substitution, text, origin, path, optional));
        return true;
    }
}
