namespace CondorActors.Domain.ClassAds;

/// <summary>Options for parsing expression text.</summary>
public sealed record ClassAdParseOptions
{
    /// <summary>The defaults: unknown functions allowed (they evaluate to <c>error</c>, as in HTCondor).</summary>
    public static ClassAdParseOptions Default { get; } = new();

    /// <summary>
    /// Reject calls of functions this library does not implement, as a syntax error at the name's
    /// position (for validating user constraints). Default false.
    /// </summary>
    public bool RejectUnknownFunctions { get; init; }

    /// <summary>Maximum nesting of parentheses, operators and calls before the text is rejected. Default 256.</summary>
    public int MaxDepth { get; init; } = 256;
}
