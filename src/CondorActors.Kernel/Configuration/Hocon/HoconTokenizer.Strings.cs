using System.Globalization;

namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconTokenizer
{
    private void ReadQuoted(HoconOrigin origin)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            ReadTripleQuoted(origin);
            return;
        }

        _pos++;
        var sb = NewBuilder();
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

        Emit(new(HoconTokenKind.QuotedString, sb.ToString(), origin));
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
                builder.AddQuoted(_pending!.Value.Text);
                _pending = null;
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
}
