namespace CondorActors.Domain.Glideins;

/// <summary>
/// The site's limit on external commands its glideins run at once (cancel, invalidate, vacate,
/// their confirming queries, submit), so 1,000 glideins dying together do not start thousands of
/// condor/batch processes within a second. A glidein awaits a slot asynchronously: no thread is
/// blocked and its other messages queue as they do for any await. Waiters are served in arrival
/// order (SemaphoreSlim queues asynchronous waiters FIFO). The site's own poll commands do not
/// take a slot: one per interval, and they must not wait behind a cleanup wave.
/// </summary>
public sealed class CommandSlots
{
    private readonly SemaphoreSlim _slots;

    public CommandSlots(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        _slots = new SemaphoreSlim(limit, limit);
    }

    public int Limit { get; }

    /// <summary>Slots free now (tests and diagnostics).</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <summary>A held slot; disposing it twice gives it back once.</summary>
    public sealed class Slot : IDisposable
    {
        private SemaphoreSlim? _slots;

        internal Slot(SemaphoreSlim slots)
        {
            _slots = slots;
        }

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }
}
