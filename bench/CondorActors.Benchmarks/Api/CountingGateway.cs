using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;

namespace CondorActors.Benchmarks.Api;

/// <summary>Counts the backend commands that reach the wrapped gateway.</summary>
internal sealed class CountingGateway(ICondorGateway inner) : ICondorGateway
{
    private int _commands;

    public int Commands => Volatile.Read(ref _commands);

    public CondorBackendKind Backend => inner.Backend;

    public IAsyncEnumerable<ClassAd> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commands);
        return inner.QueryJobsAsync(query, cancellationToken);
    }

    public IAsyncEnumerable<ClassAd> QueryHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commands);
        return inner.QueryHistoryAsync(query, cancellationToken);
    }

    public IAsyncEnumerable<ClassAd> QueryStatusAsync(StatusQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commands);
        return inner.QueryStatusAsync(query, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> GetConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commands);
        return inner.GetConfigAsync(query, cancellationToken);
    }
}
