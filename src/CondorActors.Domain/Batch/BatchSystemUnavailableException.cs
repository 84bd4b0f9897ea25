namespace CondorActors.Domain.Batch;

/// <summary>
/// The batch system gave no trustworthy answer (controller unreachable, timed out, daemon down,
/// HTTP 429/5xx). Transient: retry later. Never a reason to change any job's state.
/// </summary>
public sealed class BatchSystemUnavailableException : Exception
{
    public BatchSystemUnavailableException(string message, Exception? inner = null, bool mayHaveTakenEffect = false, TimeSpan? retryAfter = null)
        : base(message, inner)
    {
        MayHaveTakenEffect = mayHaveTakenEffect;
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// True when the request may have reached the batch system before the failure (a timeout after
    /// sending): a submit must not be blindly repeated.
    /// </summary>
    public bool MayHaveTakenEffect { get; }

    /// <summary>How long the batch system asked us to wait (HTTP Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
