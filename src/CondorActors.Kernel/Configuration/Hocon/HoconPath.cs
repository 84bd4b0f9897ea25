using System.Text;

namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>Path expressions: building them from pieces and rendering them back.</summary>
public static class HoconPath
{
    /// <summary>Renders a path with dots, quoting elements that would not read back as themselves.</summary>
    public static string Render(IReadOnlyList<string> elements)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendElement(sb, elements[i]);
        }

        return sb.ToString();
    }

    private static void AppendElement(StringBuilder sb, string element)
    {
        var plain = element.Length > 0;
        foreach (var c in element)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                plain = false;
                break;
            }
        }

        if (plain && (char.IsAsciiLetter(element[0]) || element[0] == '_'))
        {
            sb.Append(element);
            return;
        }

        sb.Append('"');
        foreach (var c in element)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Parses a path expression such as <c>a.b."c.d"</c> (used for lookups by key).</summary>
    public static string[] Parse(string expression)
    {
        var tokens = new HoconTokenizer(expression, "path expression").Tokenize();
        var builder = new PathBuilder();
        HoconOrigin origin = new("path expression", 1, 1);
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case HoconTokenKind.Eof:
                    break;
                case HoconTokenKind.QuotedString:
                    builder.AddQuoted(token.Text);
                    break;
                case HoconTokenKind.UnquotedText or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null or HoconTokenKind.Whitespace:
                    builder.AddUnquoted(token.Text, token.Origin);
                    break;
                default:
                    throw new HoconException(token.Origin, $"expected a path expression, found {token.Describe()}");
            }
        }

        return builder.Build(origin, expression);
    }

    /// <summary>
    /// Accumulates the pieces of a key or substitution path: dots outside quotes separate
    /// elements, an element may be empty only when quoted (HOCON.md, path expressions).
    /// </summary>
    internal sealed class PathBuilder
    {
        private readonly List<string> _elements = [];
        private readonly StringBuilder _current = new();
        private bool _currentQuoted;
        private HoconOrigin? _badDot;

        public bool IsEmpty => _elements.Count == 0 && _current.Length == 0 && !_currentQuoted;

        public void AddQuoted(string text)
        {
            _current.Append(text);
            _currentQuoted = true;
        }

        public void AddUnquoted(string text, HoconOrigin origin)
        {
            foreach (var c in text)
            {
                if (c == '.')
                {
                    if (_current.Length == 0 && !_currentQuoted)
                    {
                        _badDot ??= origin;
                    }

                    _elements.Add(_current.ToString());
                    _current.Clear();
                    _currentQuoted = false;
                }
                else
                {
                    _current.Append(c);
                }
            }
        }

        public string[] Build(HoconOrigin origin, string written)
        {
            if (_current.Length == 0 && !_currentQuoted)
            {
                _badDot ??= origin;
            }

            if (_badDot is { } bad)
            {
                throw new HoconException(bad, $"invalid path '{written}': an empty path element must be quoted (\"\"), so a path may not start or end with '.' or contain '..'");
            }

            _elements.Add(_current.ToString());
            return [.. _elements];
        }
    }
}
