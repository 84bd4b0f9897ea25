using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Queries;

/// <summary>
/// The ads answering one read. Either <b>complete</b> (<see cref="Complete"/> is the whole answer,
/// held in memory, possibly shared with other readers and the cache: never modify the ads) or
/// <b>streamed</b>: the first ads already read, then the rest straight from the running command,
/// enumerable once. A streamed answer holds one of the query layer's command slots until it is
/// disposed, so always dispose it (disposing early stops the command).
/// </summary>
public sealed class AdAnswer : IAsyncEnumerable<ClassAd>, IAsyncDisposable
{
    private readonly IReadOnlyList<ClassAd> _prefix;
    private readonly IAsyncEnumerator<ClassAd>? _rest;
    private Func<ValueTask>? _release;
    private int _enumerated;

    private AdAnswer(IReadOnlyList<ClassAd> prefix, IAsyncEnumerator<ClassAd>? rest, Func<ValueTask>? release)
    {
        _prefix = prefix;
        _rest = rest;
        _release = release;
    }

    /// <summary>The whole answer when it is held in memory; null for a streamed answer.</summary>
    public IReadOnlyList<ClassAd>? Complete => _rest is null ? _prefix : null;

    /// <summary>True when the ads come from the running command as they are read.</summary>
    public bool IsStreamed => _rest is not null;

    internal static AdAnswer FromComplete(IReadOnlyList<ClassAd> ads) => new(ads, null, null);

    /// <summary>A streamed answer: <paramref name="prefix"/>, then <paramref name="rest"/>; <paramref name="release"/> runs once on dispose.</summary>
    internal static AdAnswer FromStream(IReadOnlyList<ClassAd> prefix, IAsyncEnumerator<ClassAd> rest, Func<ValueTask> release) =>
        new(prefix, rest, release);

    public IAsyncEnumerator<ClassAd> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_rest is not null && Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A streamed answer can be enumerated only once.");
        }

        return EnumerateAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        var release = Interlocked.Exchange(ref _release, null);
        if (release is null)
        {
            return;
        }

        try
        {
            if (_rest is not null)
            {
                await _rest.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await release().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerator<ClassAd> EnumerateAsync(CancellationToken cancellationToken)
    {
        foreach (var ad in _prefix)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ad;
        }

        if (_rest is null)
        {
            yield break;
        }

        while (await _rest.MoveNextAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return _rest.Current;
        }
    }
}
