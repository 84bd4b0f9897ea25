namespace CondorActors.Kernel.Configuration.Hocon;

internal enum HoconTokenKind
{
    Eof,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    QuotedString,
    UnquotedText,
    Number,
    True,
    False,
    Null,
    Substitution,
}

/// <summary>One token; <see cref="Text"/> is the decoded string, the number as written, or the whitespace.</summary>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, HoconOrigin Origin, string[]? Path = null, bool Optional = false)
{
    public bool IsSimpleValue => Kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText or HoconTokenKind.Number
        or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null or HoconTokenKind.Substitution;

    public string Describe() => Kind switch
    {
        HoconTokenKind.Eof => "end of file",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => $"quoted string \"{Text}\"",
        HoconTokenKind.UnquotedText => $"'{Text}'",
        HoconTokenKind.Number => $"number {Text}",
        HoconTokenKind.Substitution => Optional ? "${?" + HoconPath.Render(Path!) + "}" : "${" + HoconPath.Render(Path!) + "}",
        _ => $"'{Text}'",
    };
}
