namespace CondorActors.Kernel.Actors;

/// <summary>Restarts of one child within the current window of its parent's strategy.</summary>
internal sealed class RestartStatistics
{
    private DateTimeOffset _windowStart;

    /// <summary>Restarts counted in the current window, including the one just recorded.</summary>
    public int Count { get; private set; }

    /// <summary>Records a restart; false when it would exceed the limit.</summary>
    public bool TryRecord(DateTimeOffset now, int maxRestarts, TimeSpan window)
    {
        if (Count == 0 || now - _windowStart > window)
        {
            _windowStart = now;
            Count = 0;
        }

        Count++;
        return Count <= maxRestarts;
    }
}
