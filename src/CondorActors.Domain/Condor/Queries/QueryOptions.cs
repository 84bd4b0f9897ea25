namespace CondorActors.Domain.Condor.Queries;

/// <summary>
/// How read queries are shared and limited. HOCON keys under <c>condoractors.condor</c>
/// (names in parentheses).
/// </summary>
public sealed record QueryOptions
{
    /// <summary>(<c>query-cache-ttl</c>) How long a complete answer is served again to identical reads. Default 1 s; zero disables the cache.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>(<c>coalesce-queries</c>) Identical reads in flight share one command. Default on; off only for comparisons.</summary>
    public bool Coalesce { get; init; } = true;

    /// <summary>(<c>max-concurrent-commands</c>) Most backend commands running at once; further reads queue. Default 4.</summary>
    public int MaxConcurrentCommands { get; init; } = 4;

    /// <summary>
    /// (<c>query-timeout</c>) Longest a read may wait, queueing included, for its answer to begin
    /// (the whole answer when it is held in memory). Default 30 s. After that the read fails with
    /// <see cref="CondorTimeoutException"/> and a running command is cancelled.
    /// </summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// (<c>query-cache-max-ads</c>) Largest answer, in ads, held in memory, shared between
    /// coalesced readers and cached. A bigger answer is streamed straight to ONE reader as the
    /// command produces it and never cached; the other readers that were waiting on it, and new
    /// identical reads for <see cref="CacheTtl"/>, each get their own streamed command. Default 1000.
    /// </summary>
    public int MaxSharedAds { get; init; } = 1000;

    /// <summary>(<c>query-cache-max-entries</c>) Most answers cached at once; the one expiring first is dropped. Default 256.</summary>
    public int MaxCacheEntries { get; init; } = 256;

    /// <summary>Checks the values; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public QueryOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheTtl, TimeSpan.Zero, nameof(CacheTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentCommands, 1, nameof(MaxConcurrentCommands));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(QueryTimeout, TimeSpan.Zero, nameof(QueryTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSharedAds, 0, nameof(MaxSharedAds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCacheEntries, 1, nameof(MaxCacheEntries));
        return this;
    }
}
