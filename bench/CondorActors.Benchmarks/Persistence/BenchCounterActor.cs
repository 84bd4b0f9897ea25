using CondorActors.Kernel.Persistence;

namespace CondorActors.Benchmarks.Persistence;

/// <summary>A persistent counter for the throughput benchmark: one event per <see cref="Increment"/>.</summary>
internal sealed class BenchCounterActor(string persistenceId) : PersistentActor
{
    private long _value;

    /// <summary>Persists one event; signals <paramref name="Done"/> from the handler, i.e. once durable.</summary>
    public sealed record Increment(Countdown Done);

    public sealed record Incremented(long Value, string State, int Slots);

    public override string PersistenceId => persistenceId;

    public static void RegisterEvents(EventTypeRegistry registry) => registry.Register<Incremented>("bench-incremented.v1");

    protected override Task ReceiveRecoverAsync(object message)
    {
        if (message is Incremented incremented)
        {
            _value = incremented.Value;
        }

        return Task.CompletedTask;
    }

    protected override Task ReceiveCommandAsync(object command)
    {
        if (command is Increment increment)
        {
            // A payload about the size of a glidein's state change.
            Persist(new Incremented(_value + 1, "Running", 8), e =>
            {
                _value = e.Value;
                increment.Done.Signal();
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes <see cref="Task"/> after <c>count</c> signals.</summary>
    internal sealed class Countdown(int count)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task Task => _done.Task;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
