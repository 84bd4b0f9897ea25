namespace CondorActors.Domain.ClassAds;

/// <summary>Options for reading ClassAd JSON.</summary>
public sealed record ClassAdJsonReadOptions
{
    /// <summary>The defaults: expressions parsed lazily.</summary>
    public static ClassAdJsonReadOptions Default { get; } = new();

    /// <summary>
    /// Parse <c>"/Expr(...)/"</c> strings while reading and throw <see cref="System.Text.Json.JsonException"/>
    /// on a syntax error in one. Default false: they are kept as text and parsed on first use (a
    /// bad one then reads as <c>error</c>), so reading JSON costs no expression parsing.
    /// </summary>
    public bool ParseExpressionsEagerly { get; init; }
}

/// <summary>How attributes that hold expressions (not literals) are written to JSON.</summary>
public enum ClassAdJsonExpressionMode
{
    /// <summary>As HTCondor prints them: the string <c>"/Expr(text)/"</c>.</summary>
    ExpressionStrings,

    /// <summary>Evaluated in the ad (MY = the ad, no TARGET) and written as the resulting value.</summary>
    Evaluated,
}

/// <summary>Options for writing ClassAd JSON.</summary>
public sealed record ClassAdJsonWriteOptions
{
    /// <summary>The defaults: names as spelled, expressions as <c>"/Expr(...)/"</c> strings.</summary>
    public static ClassAdJsonWriteOptions Default { get; } = new();

    /// <summary>Write attribute names in lower case (htcondor-restd's style). Default false.</summary>
    public bool LowerCaseNames { get; init; }

    /// <summary>How non-literal attributes are written. Default <see cref="ClassAdJsonExpressionMode.ExpressionStrings"/>.</summary>
    public ClassAdJsonExpressionMode Expressions { get; init; }
}
