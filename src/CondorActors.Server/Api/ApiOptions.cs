namespace CondorActors.Server.Api;

/// <summary>The read API's options; HOCON keys under <c>condoractors.api</c> (names in parentheses).</summary>
internal sealed record ApiOptions
{
    /// <summary>
    /// (<c>redact-job-attributes</c>) Job attributes answered as <c>"&lt;REDACTED&gt;"</c> (htcondor-restd's
    /// RESTD_HIDE_JOB_ATTRS), matched without case. Default none.
    /// </summary>
    public IReadOnlyList<string> RedactedJobAttributes { get; init; } = [];

    /// <summary>
    /// (<c>max-results</c>) Most items one response carries (htcondor-restd's RESTD_MAX_JOBS); a larger
    /// <c>limit</c> is lowered to it. 0 (default) means no cap.
    /// </summary>
    public int MaxResults { get; init; }

    /// <summary>
    /// (<c>max-page-size</c>) Largest page that carries a next-page cursor: such a page is read
    /// whole before its headers are sent. A larger <c>limit</c> is lowered to it. Default 1000.
    /// </summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>(<c>cors.allowed-origins</c>) Origins whose pages may call the API (<c>*</c> for any). Default none.</summary>
    public IReadOnlyList<string> CorsAllowedOrigins { get; init; } = [];

    /// <summary>(<c>retry-after</c>) The Retry-After of a 503 (HTCondor unreachable). Default 5 s.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// (<c>cursor-key</c>) Secret that signs page cursors, so several servers behind one address
    /// accept each other's cursors. Default empty: a random key per process (cursors die with it).
    /// </summary>
    public string? CursorKey { get; init; }

    public ApiOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxResults, nameof(MaxResults));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1, nameof(MaxPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryAfter, TimeSpan.Zero, nameof(RetryAfter));
        return this;
    }
}
