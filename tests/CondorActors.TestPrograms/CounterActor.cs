using CondorActors.Kernel.Persistence;

namespace CondorActors.TestPrograms;

/// <summary>
/// A persistent counter: each <see cref="Increment"/> persists one <see cref="CounterIncremented"/>
/// per step. <paramref name="onDurable"/> runs from the persist handler, i.e. only after the
/// event's write was acknowledged; the crash test prints its ACK lines there. Public because
/// the kernel tests start the same actor in-process to recover what the child process wrote.
/// </summary>
public sealed partial class CounterActor(string persistenceId, Action<string, long, long>? onDurable = null) : PersistentActor
{
    /// <summary>Manifest of <see cref="CounterIncremented"/>.</summary>
    public const string IncrementedManifest = "counter-incremented.v1";

    private CounterState _state = CounterState.Empty;

    public override string PersistenceId => persistenceId;

    public static void RegisterEvents(EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register<CounterIncremented>(IncrementedManifest).Register<CounterState>("counter-state.v1");
    }

    protected override Task ReceiveRecoverAsync(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: CounterState state }:
                _state = state;
                break;
            case CounterIncremented incremented:
                _state = _state.Apply(incremented);
                break;
        }

        return Task.CompletedTask;
    }

    protected override Task ReceiveCommandAsync(object command)
    {
        switch (command)
        {
            case Increment { Count: > 0 } increment:
                var sender = Sender;
                var last = _state.Value + increment.Count;
                PersistAll(
                    Enumerable.Range(1, increment.Count).Select(i => new CounterIncremented(_state.Value + i)),
                    e =>
                    {
                        _state = _state.Apply(e);
                        onDurable?.Invoke(PersistenceId, LastSequenceNr, e.Value);
                        if (e.Value == last)
                        {
                            sender.Tell(new Incremented(PersistenceId, LastSequenceNr, e.Value), Self);
                        }
                    });
                break;
            case GetCounter:
                Sender.Tell(new Counter(PersistenceId, _state.Value, LastSequenceNr), Self);
                break;
            default:
                Unhandled(command);
                break;
        }

        return Task.CompletedTask;
    }
}
