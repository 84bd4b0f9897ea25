namespace CondorActors.TestPrograms;

public sealed partial class CounterActor
{
    /// <summary>Adds <paramref name="Count"/> (1 or more) to the counter, one event each, in one atomic write.</summary>
    public sealed record Increment(int Count);

    /// <summary>Answered by <see cref="Counter"/>.</summary>
    public sealed record GetCounter
    {
        private GetCounter()
        {
        }

        public static GetCounter Instance { get; } = new();
    }

    /// <summary>The recovered or live state.</summary>
    public sealed record Counter(string PersistenceId, long Value, long LastSequenceNr);

    /// <summary>Reply to <see cref="Increment"/> once its last event is durable.</summary>
    public sealed record Incremented(string PersistenceId, long SequenceNr, long Value);

    /// <summary>The persisted event: the counter's value after it.</summary>
    public sealed record CounterIncremented(long Value);

    /// <summary>Persisted state: only folds events, so recovery and live behaviour agree.</summary>
    public sealed record CounterState(long Value)
    {
        public static CounterState Empty { get; } = new(0);

        public CounterState Apply(CounterIncremented @event) => new(@event.Value);
    }
}
