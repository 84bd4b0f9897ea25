namespace CondorActors.Domain.Batch;

/// <summary>
/// Exponential backoff for transient batch-system failures: the n-th retry waits
/// <c>min(MaxDelay, InitialDelay * Multiplier^(n-1))</c>, spread by +-<see cref="Jitter"/>, and
/// never less than a Retry-After the batch system sent.
/// </summary>
public sealed record BatchRetryPolicy
{
    public static BatchRetryPolicy Default { get; } = new();

    /// <summary>No retries: the first transient failure is thrown.</summary>
    public static BatchRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the first retry. Default 1 s.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single wait. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public double Multiplier { get; init; } = 2;

    /// <summary>Fraction of the delay added or removed at random, so many sites do not retry in step. Default 0.2.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based); <paramref name="random01"/> in [0, 1).</summary>
    public TimeSpan DelayBefore(int retry, double random01, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var raw = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, retry - 1);
        var capped = Math.Min(raw, MaxDelay.TotalMilliseconds);
        var jittered = capped * (1 + (Jitter * ((2 * random01) - 1)));
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, jittered));
        return retryAfter is { } after && after > delay ? after : delay;
    }
}
