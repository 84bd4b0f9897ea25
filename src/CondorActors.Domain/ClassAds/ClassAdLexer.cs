using System.Globalization;
using System.Text;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Tokenizer for ClassAd expressions (HTCondor's "new ClassAd" lexical rules): integers in
/// decimal, hex (<c>0x1F</c>) and octal (<c>017</c>); reals with fraction and/or exponent; strings
/// in double quotes with C escapes, adjacent strings concatenated; <c>'quoted names'</c>; the
/// keywords true, false, undefined, error, is, isnt in any case.
/// </summary>
internal ref struct ClassAdLexer
{
    private readonly string _text;
    private int _pos;

    public ClassAdLexer(string text)
    {
        _text = text;
        _pos = 0;
    }

    public readonly string Text => _text;

    public ClassAdToken Next()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return new ClassAdToken(TokenKind.End, _text.Length, 0);
        }

        var start = _pos;
        var c = _text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return LexNumber();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            return LexWord();
        }

        if (c == '"')
        {
            return LexString();
        }

        if (c == '\'')
        {
            var name = LexQuoted('\'', start);
            return new ClassAdToken(TokenKind.Identifier, start, _pos - start, name, Quoted: true);
        }

        _pos++;
        var next = _pos < _text.Length ? _text[_pos] : '\0';
        switch (c)
        {
            case '.': return Simple(TokenKind.Dot, start);
            case ',': return Simple(TokenKind.Comma, start);
            case ';': return Simple(TokenKind.Semicolon, start);
            case ':': return Simple(TokenKind.Colon, start);
            case '?': return Simple(TokenKind.Question, start);
            case '(': return Simple(TokenKind.OpenParen, start);
            case ')': return Simple(TokenKind.CloseParen, start);
            case '[': return Simple(TokenKind.OpenBracket, start);
            case ']': return Simple(TokenKind.CloseBracket, start);
            case '{': return Simple(TokenKind.OpenBrace, start);
            case '}': return Simple(TokenKind.CloseBrace, start);
            case '~': return Simple(TokenKind.Tilde, start);
            case '*': return Op(ClassAdBinaryOperator.Multiply, start);
            case '/': return Op(ClassAdBinaryOperator.Divide, start);
            case '%': return Op(ClassAdBinaryOperator.Modulo, start);
            case '+': return Op(ClassAdBinaryOperator.Add, start);
            case '-': return Op(ClassAdBinaryOperator.Subtract, start);
            case '^': return Op(ClassAdBinaryOperator.BitwiseXor, start);
            case '&':
                return next == '&' ? Op(ClassAdBinaryOperator.And, start, 1) : Op(ClassAdBinaryOperator.BitwiseAnd, start);
            case '|':
                return next == '|' ? Op(ClassAdBinaryOperator.Or, start, 1) : Op(ClassAdBinaryOperator.BitwiseOr, start);
            case '<':
                return next switch
                {
                    '=' => Op(ClassAdBinaryOperator.LessOrEqual, start, 1),
                    '<' => Op(ClassAdBinaryOperator.ShiftLeft, start, 1),
                    _ => Op(ClassAdBinaryOperator.Less, start),
                };
            case '>':
                if (next == '=')
                {
                    return Op(ClassAdBinaryOperator.GreaterOrEqual, start, 1);
                }

                if (next == '>')
                {
                    return Peek(1) == '>'
                        ? Op(ClassAdBinaryOperator.ShiftRightUnsigned, start, 2)
                        : Op(ClassAdBinaryOperator.ShiftRight, start, 1);
                }

                return Op(ClassAdBinaryOperator.Greater, start);
            case '=':
                if (next == '=')
                {
                    return Op(ClassAdBinaryOperator.Equal, start, 1);
                }

                if (next == '?' && Peek(1) == '=')
                {
                    return Op(ClassAdBinaryOperator.MetaEqual, start, 2);
                }

                if (next == '!' && Peek(1) == '=')
                {
                    return Op(ClassAdBinaryOperator.MetaNotEqual, start, 2);
                }

                return Simple(TokenKind.Assign, start);
            case '!':
                return next == '=' ? Op(ClassAdBinaryOperator.NotEqual, start, 1) : Simple(TokenKind.Not, start);
            default:
                throw Error(start, "unexpected character", "an expression", Describe(c));
        }
    }

    private readonly char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private readonly ClassAdToken Simple(TokenKind kind, int start) => new(kind, start, _pos - start);

    private ClassAdToken Op(ClassAdBinaryOperator op, int start, int extra = 0)
    {
        _pos += extra;
        return new ClassAdToken(TokenKind.Operator, start, _pos - start, BinaryOp: op);
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private ClassAdToken LexWord()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        var word = _text.AsSpan(start, _pos - start);
        var length = _pos - start;
        if (word.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new ClassAdToken(TokenKind.True, start, length);
        }

        if (word.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return new ClassAdToken(TokenKind.False, start, length);
        }

        if (word.Equals("undefined", StringComparison.OrdinalIgnoreCase))
        {
            return new ClassAdToken(TokenKind.Undefined, start, length);
        }

        if (word.Equals("error", StringComparison.OrdinalIgnoreCase))
        {
            return new ClassAdToken(TokenKind.Error, start, length);
        }

        if (word.Equals("is", StringComparison.OrdinalIgnoreCase))
        {
            return new ClassAdToken(TokenKind.Operator, start, length, BinaryOp: ClassAdBinaryOperator.Is);
        }

        if (word.Equals("isnt", StringComparison.OrdinalIgnoreCase))
        {
            return new ClassAdToken(TokenKind.Operator, start, length, BinaryOp: ClassAdBinaryOperator.Isnt);
        }

        return new ClassAdToken(TokenKind.Identifier, start, length, word.ToString());
    }

    private ClassAdToken LexNumber()
    {
        var start = _pos;
        var text = _text;
        if (text[_pos] == '0' && (Peek(1) == 'x' || Peek(1) == 'X'))
        {
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < text.Length && char.IsAsciiHexDigit(text[_pos]))
            {
                _pos++;
            }

            if (_pos == digitsStart
                || !ulong.TryParse(text.AsSpan(digitsStart, _pos - digitsStart), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                throw Error(start, "invalid hexadecimal integer", "hex digits", Found(start));
            }

            RejectTrailingLetters(start);
            return new ClassAdToken(TokenKind.Integer, start, _pos - start, Integer: unchecked((long)hex));
        }

        var isReal = false;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos < text.Length && text[_pos] == '.')
        {
            if (!char.IsAsciiDigit(Peek(1)))
            {
                // "1." followed by no digit: HTCondor's lexer rejects this too.
                throw Error(start, "a number needs digits after its decimal point", "a digit", Found(_pos + 1));
            }

            isReal = true;
            _pos++;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < text.Length && (text[_pos] == 'e' || text[_pos] == 'E'))
        {
            var save = _pos;
            _pos++;
            if (_pos < text.Length && (text[_pos] == '+' || text[_pos] == '-'))
            {
                _pos++;
            }

            if (!(_pos < text.Length && char.IsAsciiDigit(text[_pos])))
            {
                throw Error(save, "a number's exponent needs digits", "a digit", Found(_pos));
            }

            isReal = true;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }
        }

        RejectTrailingLetters(start);
        var span = text.AsSpan(start, _pos - start);
        if (isReal)
        {
            var real = double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
            return new ClassAdToken(TokenKind.Real, start, _pos - start, Real: real);
        }

        if (span.Length > 1 && span[0] == '0')
        {
            // A leading zero means octal, as in C's strtoll with base 0 (what HTCondor uses).
            ulong octal = 0;
            foreach (var d in span[1..])
            {
                if (d > '7' || octal > (ulong.MaxValue >> 3))
                {
                    throw Error(start, "invalid octal integer", "octal digits 0-7", span.ToString());
                }

                octal = (octal << 3) + (uint)(d - '0');
            }

            return MakeInteger(start, octal);
        }

        if (!ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(start, "integer literal out of range", "an integer in 64 bits", span.ToString());
        }

        return MakeInteger(start, value);
    }

    private readonly ClassAdToken MakeInteger(int start, ulong magnitude)
    {
        // 2^63 only makes sense negated; the parser folds the minus and rejects it otherwise.
        if (magnitude > (ulong)long.MaxValue + 1)
        {
            throw Error(start, "integer literal out of range", "an integer in 64 bits", _text[start.._pos]);
        }

        return new ClassAdToken(TokenKind.Integer, start, _pos - start, Integer: unchecked((long)magnitude),
            Quoted: magnitude == (ulong)long.MaxValue + 1);
    }

    private readonly void RejectTrailingLetters(int start)
    {
        if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_'))
        {
            throw Error(start, "invalid number", "an operator or the end after a number", _text[start.._pos] + _text[_pos]);
        }
    }

    private ClassAdToken LexString()
    {
        var start = _pos;
        var value = LexQuoted('"', start);
        return new ClassAdToken(TokenKind.String, start, _pos - start, value);
    }

    private string LexQuoted(char quote, int start)
    {
        _pos++;
        StringBuilder? sb = null;
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(start, "unterminated string", $"closing {quote}", "end of input");
            }

            var c = _text[_pos];
            if (c == quote)
            {
                string result;
                if (sb is null)
                {
                    result = _text[runStart.._pos];
                }
                else
                {
                    sb.Append(_text, runStart, _pos - runStart);
                    result = sb.ToString();
                }

                _pos++;
                return result;
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(_text, runStart, _pos - runStart);
            _pos++;
            if (_pos >= _text.Length)
            {
                throw Error(start, "unterminated string", $"closing {quote}", "end of input");
            }

            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'a': sb.Append('\a'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '?': sb.Append('?'); break;
                case '/': sb.Append('/'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error(_pos - 2, "invalid \\u escape", "four hex digits", Found(_pos));
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    if (e is >= '0' and <= '7')
                    {
                        // C octal escape: up to three digits, the first at most 3 (one byte).
                        var maxDigits = e <= '3' ? 3 : 2;
                        var v = e - '0';
                        var n = 1;
                        while (n < maxDigits && _pos < _text.Length && _text[_pos] is >= '0' and <= '7')
                        {
                            v = (v * 8) + (_text[_pos++] - '0');
                            n++;
                        }

                        if (v == 0)
                        {
                            throw Error(_pos - n - 1, "a string cannot contain a NUL character", "a non-zero escape", "\\0");
                        }

                        sb.Append((char)v);
                    }
                    else
                    {
                        // Unknown escapes keep the backslash, as HTCondor's convert_escapes does.
                        sb.Append('\\').Append(e);
                    }

                    break;
            }

            runStart = _pos;
        }
    }

    private readonly string Found(int at) => at >= _text.Length ? "end of input" : Describe(_text[at]);

    internal static string Describe(char c) => c switch
    {
        '\n' => "newline",
        '\t' => "tab",
        _ when char.IsControl(c) => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    internal readonly ClassAdParseException Error(int offset, string message, string expected, string found) =>
        MakeError(_text, offset, message, expected, found);

    internal static ClassAdParseException MakeError(string text, int offset, string message, string expected, string found)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        var full = string.IsNullOrEmpty(expected) ? message : $"{message}: expected {expected} but found {found}";
        return new ClassAdParseException(new ClassAdParseError(full, offset, line, column, expected, found));
    }
}
