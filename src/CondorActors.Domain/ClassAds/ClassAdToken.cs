namespace CondorActors.Domain.ClassAds;

internal enum TokenKind
{
    End,
    Integer,
    Real,
    String,
    Identifier,
    True,
    False,
    Undefined,
    Error,
    Dot,
    Comma,
    Semicolon,
    Colon,
    Question,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    Assign,
    Operator,
    Not,
    Tilde,
}

/// <summary>One lexical token; <see cref="Text"/> holds identifier names and decoded strings.</summary>
internal readonly record struct ClassAdToken(
    TokenKind Kind,
    int Start,
    int Length,
    string? Text = null,
    long Integer = 0,
    double Real = 0,
    ClassAdBinaryOperator BinaryOp = default,
    char Symbol = '\0',
    bool Quoted = false);
