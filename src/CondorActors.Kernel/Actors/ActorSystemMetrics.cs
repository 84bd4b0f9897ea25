namespace CondorActors.Kernel.Actors;

/// <summary>Counters of an actor system (monotonic, thread-safe), e.g. for /metrics.</summary>
public sealed class ActorSystemMetrics
{
    private long _deadLetters;
    private long _unhandledMessages;
    private long _failedMessages;
    private long _restarts;
    private long _actorsCreated;
    private long _actorsStopped;

    /// <summary>Messages sent to stopped actors (or refused during shutdown).</summary>
    public long DeadLetters => Volatile.Read(ref _deadLetters);

    /// <summary>Messages an actor passed to Unhandled.</summary>
    public long UnhandledMessages => Volatile.Read(ref _unhandledMessages);

    /// <summary>Messages whose handler threw; each was dropped and reported.</summary>
    public long FailedMessages => Volatile.Read(ref _failedMessages);

    public long Restarts => Volatile.Read(ref _restarts);

    public long ActorsCreated => Volatile.Read(ref _actorsCreated);

    public long ActorsStopped => Volatile.Read(ref _actorsStopped);

    /// <summary>Actors created and not yet fully stopped (the /user guardian excluded).</summary>
    public long LiveActors => ActorsCreated - ActorsStopped;

    internal void OnDeadLetter() => Interlocked.Increment(ref _deadLetters);

    internal void OnUnhandled() => Interlocked.Increment(ref _unhandledMessages);

    internal void OnMessageFailed() => Interlocked.Increment(ref _failedMessages);

    internal void OnRestart() => Interlocked.Increment(ref _restarts);

    internal void OnActorCreated() => Interlocked.Increment(ref _actorsCreated);

    internal void OnActorStopped() => Interlocked.Increment(ref _actorsStopped);
}
