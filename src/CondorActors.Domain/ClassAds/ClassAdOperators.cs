namespace CondorActors.Domain.ClassAds;

/// <summary>Unary operators.</summary>
public enum ClassAdUnaryOperator
{
    /// <summary><c>-x</c></summary>
    Minus,

    /// <summary><c>+x</c></summary>
    Plus,

    /// <summary><c>!x</c></summary>
    Not,

    /// <summary><c>~x</c> (integers only)</summary>
    BitwiseNot,
}

/// <summary>Binary operators, listed from the loosest binding to the tightest.</summary>
public enum ClassAdBinaryOperator
{
    /// <summary><c>||</c></summary>
    Or,

    /// <summary><c>&amp;&amp;</c></summary>
    And,

    /// <summary><c>|</c></summary>
    BitwiseOr,

    /// <summary><c>^</c></summary>
    BitwiseXor,

    /// <summary><c>&amp;</c></summary>
    BitwiseAnd,

    /// <summary><c>==</c> (strings compared without case)</summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>=?=</c>: same type and same value, never undefined or error</summary>
    MetaEqual,

    /// <summary><c>=!=</c></summary>
    MetaNotEqual,

    /// <summary><c>is</c> (same meaning as <c>=?=</c>, kept for printing)</summary>
    Is,

    /// <summary><c>isnt</c> (same meaning as <c>=!=</c>)</summary>
    Isnt,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&lt;&lt;</c></summary>
    ShiftLeft,

    /// <summary><c>&gt;&gt;</c> (arithmetic)</summary>
    ShiftRight,

    /// <summary><c>&gt;&gt;&gt;</c> (logical)</summary>
    ShiftRightUnsigned,

    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c> (integer division truncates)</summary>
    Divide,

    /// <summary><c>%</c> (integers only)</summary>
    Modulo,
}

/// <summary>Precedence and spelling of operators (HTCondor ClassAd grammar).</summary>
internal static class ClassAdOperators
{
    public const int ConditionalPrecedence = 0;
    public const int UnaryPrecedence = 11;
    public const int PostfixPrecedence = 12;

    public static int Precedence(ClassAdBinaryOperator op) => op switch
    {
        ClassAdBinaryOperator.Or => 1,
        ClassAdBinaryOperator.And => 2,
        ClassAdBinaryOperator.BitwiseOr => 3,
        ClassAdBinaryOperator.BitwiseXor => 4,
        ClassAdBinaryOperator.BitwiseAnd => 5,
        ClassAdBinaryOperator.Equal or ClassAdBinaryOperator.NotEqual or ClassAdBinaryOperator.MetaEqual
            or ClassAdBinaryOperator.MetaNotEqual or ClassAdBinaryOperator.Is or ClassAdBinaryOperator.Isnt => 6,
        ClassAdBinaryOperator.Less or ClassAdBinaryOperator.LessOrEqual or ClassAdBinaryOperator.Greater
            or ClassAdBinaryOperator.GreaterOrEqual => 7,
        ClassAdBinaryOperator.ShiftLeft or ClassAdBinaryOperator.ShiftRight
            or ClassAdBinaryOperator.ShiftRightUnsigned => 8,
        ClassAdBinaryOperator.Add or ClassAdBinaryOperator.Subtract => 9,
        _ => 10,
    };

    public static string Symbol(ClassAdBinaryOperator op) => op switch
    {
        ClassAdBinaryOperator.Or => "||",
        ClassAdBinaryOperator.And => "&&",
        ClassAdBinaryOperator.BitwiseOr => "|",
        ClassAdBinaryOperator.BitwiseXor => "^",
        ClassAdBinaryOperator.BitwiseAnd => "&",
        ClassAdBinaryOperator.Equal => "==",
        ClassAdBinaryOperator.NotEqual => "!=",
        ClassAdBinaryOperator.MetaEqual => "=?=",
        ClassAdBinaryOperator.MetaNotEqual => "=!=",
        ClassAdBinaryOperator.Is => "is",
        ClassAdBinaryOperator.Isnt => "isnt",
        ClassAdBinaryOperator.Less => "<",
        ClassAdBinaryOperator.LessOrEqual => "<=",
        ClassAdBinaryOperator.Greater => ">",
        ClassAdBinaryOperator.GreaterOrEqual => ">=",
        ClassAdBinaryOperator.ShiftLeft => "<<",
        ClassAdBinaryOperator.ShiftRight => ">>",
        ClassAdBinaryOperator.ShiftRightUnsigned => ">>>",
        ClassAdBinaryOperator.Add => "+",
        ClassAdBinaryOperator.Subtract => "-",
        ClassAdBinaryOperator.Multiply => "*",
        ClassAdBinaryOperator.Divide => "/",
        _ => "%",
    };

    public static string Symbol(ClassAdUnaryOperator op) => op switch
    {
        ClassAdUnaryOperator.Minus => "-",
        ClassAdUnaryOperator.Plus => "+",
        ClassAdUnaryOperator.Not => "!",
        _ => "~",
    };
}
