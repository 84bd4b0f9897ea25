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
    private readonly int _fileId;
    private static readonly string[] Spaces = [.. Enumerable.Range(0, 17).Select(n => new string(' ', n))];
    private static readonly bool[] ForbiddenTable = BuildForbiddenTable();
    private static readonly bool[] UnquotedStopTable = BuildUnquotedStopTable();
    private readonly HoconStringCache _strings = new();
    private readonly StringBuilder _builder = new();
    private HoconToken _pending;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public HoconTokenizer(string text, string file)
    {
        _text = text;
        _fileId = HoconOrigin.IdOf(file);
    }

    /// <summary>The cache of short strings, shared with the parser for path elements.</summary>
    public HoconStringCache Strings => _strings;

    public List<HoconToken> Tokenize()
    {
        var result = new List<HoconToken>();
        HoconToken token;
        do
        {
            token = Next();
            result.Add(token);
        }
        while (token.Kind != HoconTokenKind.Eof);

        return result;
    }

    /// <summary>The next token; comments are skipped. Returns Eof forever at the end.</summary>
    public HoconToken Next()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            var origin = Here();
            if (c == '\n')
            {
                _pos++;
                var token = new HoconToken(HoconTokenKind.Newline, "\n", origin);
                _line++;
                _lineStart = _pos;
                return token;
            }

            if (IsWhitespace(c))
            {
                var start = _pos;
                var allSpaces = true;
                while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
                {
                    allSpaces &= _text[_pos] == ' ';
                    _pos++;
                }

                // Whitespace text matters only inside concatenations; share the common runs of spaces.
                var length = _pos - start;
                var text = allSpaces && length < Spaces.Length ? Spaces[length] : _text[start.._pos];
                return new HoconToken(HoconTokenKind.Whitespace, text, origin);
            }

            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                var newline = _text.IndexOf('\n', _pos);
                _pos = newline < 0 ? _text.Length : newline;
                continue;
            }

            ReadToken(c, origin);
            return _pending;
        }

        return new HoconToken(HoconTokenKind.Eof, "", Here());
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
                Emit(new(HoconTokenKind.PlusEquals, "+=", origin));
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

        if (IsForbidden(c))
        {
            throw Error(origin, $"reserved character '{c}' is not allowed outside quotes; quote the string if it is part of a value");
        }

        ReadUnquoted(origin);
    }

    private void Single(HoconTokenKind kind, string text, HoconOrigin origin)
    {
        _pos++;
        Emit(new(kind, text, origin));
    }

    private void ReadUnquoted(HoconOrigin origin)
    {
        // HOCON.md: true/false/null are recognised only at the start of an unquoted run
        // ("truefoo" is true then "foo"); "footrue" stays one string.
        var c0 = _text[_pos];
        if ((c0 == 't' && TryKeyword("true", HoconTokenKind.True, origin))
            || (c0 == 'f' && TryKeyword("false", HoconTokenKind.False, origin))
            || (c0 == 'n' && TryKeyword("null", HoconTokenKind.Null, origin)))
        {
            return;
        }

        var start = _pos;
        while (_pos < _text.Length && !EndsUnquoted(_text[_pos]))
        {
            _pos++;
        }

        Emit(new(HoconTokenKind.UnquotedText, _strings.Get(_text.AsSpan(start, _pos - start)), origin));
    }

    private bool TryKeyword(string keyword, HoconTokenKind kind, HoconOrigin origin)
    {
        if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0)
        {
            return false;
        }

        _pos += keyword.Length;
        Emit(new(kind, keyword, origin));
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

        var run = _text.AsSpan(start, _pos - start);
        if (IsJsonNumber(run))
        {
            Emit(new(HoconTokenKind.Number, _strings.Get(run), origin));
            return;
        }

        if (run.Contains('+'))
        {
            throw Error(origin, $"'{run}' is not a valid number and '+' is not allowed in unquoted text; quote the string");
        }

        Emit(new(HoconTokenKind.UnquotedText, _strings.Get(run), origin));
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

    private void Emit(HoconToken token) => _pending = token;

    private static bool IsForbidden(char c) => c < 128 && ForbiddenTable[c];

    /// <summary>Whitespace, a forbidden character or a comment start ends an unquoted string.</summary>
    private bool EndsUnquoted(char c) => c < 128
        ? UnquotedStopTable[c] || (c == '/' && Peek(1) == '/')
        : IsWhitespace(c);

    private static bool[] BuildForbiddenTable()
    {
        var table = new bool[128];
        foreach (var c in Forbidden)
        {
            table[c] = true;
        }

        return table;
    }

    private static bool[] BuildUnquotedStopTable()
    {
        var table = BuildForbiddenTable();
        for (var c = 0; c < table.Length; c++)
        {
            table[c] |= IsWhitespace((char)c);
        }

        return table;
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private HoconOrigin Here() => HoconOrigin.At(_fileId, _line, _pos - _lineStart + 1);

    private HoconException Error(HoconOrigin origin, string message) => new(origin, message);
}
