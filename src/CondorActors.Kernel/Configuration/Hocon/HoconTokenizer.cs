using System.Text;

namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// Splits HOCON text into tokens (HOCON.md, syntax). Whitespace and newlines are tokens because
/// value concatenation keeps the whitespace between values and newlines separate fields; comments
/// are dropped.
/// </summary>
internal sealed partial class HoconTokenizer
{
    // HOCON.md, unquoted strings: these may not appear in an unquoted string.
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _file;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public HoconTokenizer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public List<HoconToken> Tokenize()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            var origin = Here();
            if (c == '\n')
            {
                _pos++;
                _tokens.Add(new(HoconTokenKind.Newline, "\n", origin));
                _line++;
                _lineStart = _pos;
            }
            else if (IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
                {
                    _pos++;
                }

                _tokens.Add(new(HoconTokenKind.Whitespace, _text[start.._pos], origin));
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                ReadToken(c, origin);
            }
        }

        _tokens.Add(new(HoconTokenKind.Eof, "", Here()));
        return _tokens;
    }

    /// <summary>HOCON.md, whitespace: Unicode separators, the ASCII controls it lists, and the BOM.</summary>
    internal static bool IsWhitespace(char c) =>
        c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF' || (c >= '\u001C' && c <= '\u001F') || (c > 127 && char.IsWhiteSpace(c)) || c == '\v' || c == '\f';

    private void ReadToken(char c, HoconOrigin origin)
    {
        switch (c)
        {
            case '{':
                Single(HoconTokenKind.OpenBrace, "{", origin);
                return;
            case '}':
                Single(HoconTokenKind.CloseBrace, "}", origin);
                return;
            case '[':
                Single(HoconTokenKind.OpenBracket, "[", origin);
                return;
            case ']':
                Single(HoconTokenKind.CloseBracket, "]", origin);
                return;
            case ',':
                Single(HoconTokenKind.Comma, ",", origin);
                return;
            case ':':
                Single(HoconTokenKind.Colon, ":", origin);
                return;
            case '=':
                Single(HoconTokenKind.Equals, "=", origin);
                return;
            case '+':
                if (Peek(1) != '=')
                {
                    throw Error(origin, "'+' is only allowed as '+=' outside quotes; quote the string if '+' is part of it");
                }

                _pos += 2;
                _tokens.Add(new(HoconTokenKind.PlusEquals, "+=", origin));
                return;
            case '"':
                ReadQuoted(origin);
                return;
            case '$':
                ReadSubstitution(origin);
                return;
            default:
                break;
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            ReadNumber(origin);
            return;
        }

        if (Forbidden.Contains(c, StringComparison.Ordinal))
        {
            throw Error(origin, $"reserved character '{c}' is not allowed outside quotes; quote the string if it is part of a value");
        }

        ReadUnquoted(origin);
    }

    private void Single(HoconTokenKind kind, string text, HoconOrigin origin)
    {
        _pos++;
        _tokens.Add(new(kind, text, origin));
    }

    private void ReadUnquoted(HoconOrigin origin)
    {
        // HOCON.md: true/false/null are recognised only at the start of an unquoted run
        // ("truefoo" is true then "foo"); "footrue" stays one string.
        if (TryKeyword("true", HoconTokenKind.True, origin) || TryKeyword("false", HoconTokenKind.False, origin) || TryKeyword("null", HoconTokenKind.Null, origin))
        {
            return;
        }

        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (IsWhitespace(c) || Forbidden.Contains(c, StringComparison.Ordinal) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        _tokens.Add(new(HoconTokenKind.UnquotedText, _text[start.._pos], origin));
    }

    private bool TryKeyword(string keyword, HoconTokenKind kind, HoconOrigin origin)
    {
        if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0)
        {
            return false;
        }

        _pos += keyword.Length;
        _tokens.Add(new(kind, keyword, origin));
        return true;
    }

    private void ReadNumber(HoconOrigin origin)
    {
        // Like the reference implementation: take the run of characters that may occur in a JSON
        // number; if it is not a valid number (e.g. "1.2.3", "2024-01-01") it is unquoted text.
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
        }

        var run = _text[start.._pos];
        if (IsJsonNumber(run))
        {
            _tokens.Add(new(HoconTokenKind.Number, run, origin));
            return;
        }

        if (run.Contains('+', StringComparison.Ordinal))
        {
            throw Error(origin, $"'{run}' is not a valid number and '+' is not allowed in unquoted text; quote the string");
        }

        _tokens.Add(new(HoconTokenKind.UnquotedText, run, origin));
    }

    /// <summary>JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        return i == s.Length;
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private HoconOrigin Here() => new(_file, _line, _pos - _lineStart + 1);

    private HoconException Error(HoconOrigin origin, string message) => new(origin, message);

    private static StringBuilder NewBuilder() => new();
}
