namespace CondorActors.Kernel.Actors;

/// <summary>
/// Keyed timers of one actor. A firing timer enqueues its entry in the actor's user queue; the
/// entry is delivered only if it is still the current timer for its key, so a message from a
/// cancelled or replaced timer that was already queued is discarded.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, TimerEntry> _timers = [];

    public void StartSingleTimer(object key, object message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer needs a positive interval.");
        }

        Start(key, message, initialDelay, interval);
    }

    public bool IsActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if the fired entry is still current; a single timer is then done.</summary>
    internal bool TryAccept(TimerEntry entry)
    {
        if (!_timers.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(entry.Key);
            entry.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan due, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var entry = new TimerEntry(cell, key, message, period != Timeout.InfiniteTimeSpan);
        _timers[key] = entry;
        entry.Timer = cell.System.Time.CreateTimer(static state => ((TimerEntry)state!).Fire(), entry, due < TimeSpan.Zero ? TimeSpan.Zero : due, period);
    }
}

/// <summary>One started timer; also the message it enqueues when it fires.</summary>
internal sealed class TimerEntry(ActorCell cell, object key, object message, bool periodic)
{
    public object Key { get; } = key;

    public object Message { get; } = message;

    public bool Periodic { get; } = periodic;

    public ITimer? Timer { get; set; }

    public void Fire() => cell.TellInternal(this, null);

    public void Dispose() => Timer?.Dispose();
}
