namespace CondorActors.Domain.ClassAds;

/// <summary>Options for evaluating expressions.</summary>
public sealed record ClassAdEvaluationOptions
{
    /// <summary>The defaults: system clock, 100 ms regex budget, 128 nested attribute references.</summary>
    public static ClassAdEvaluationOptions Default { get; } = new();

    /// <summary>The clock <c>time()</c> reads. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Budget of one <c>regexp()</c> match on the backtracking engine, used only for patterns the
    /// linear non-backtracking engine cannot run (back-references, look-arounds); a match that runs
    /// longer evaluates to <c>error</c>. Default 100 ms.
    /// </summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How deep attribute references may nest (A refers to B refers to C...) before evaluation gives
    /// <c>error</c>. Cycles are detected separately and always give <c>error</c>. Default 128.
    /// </summary>
    public int MaxAttributeDepth { get; init; } = 128;
}
