namespace CondorActors.Kernel.Actors;

/// <summary>Delivered exactly once to a watcher when a watched actor has stopped.</summary>
public sealed record Terminated(IActorRef ActorRef);

/// <summary>Stops the receiving actor once the messages enqueued before it are processed.</summary>
public sealed record PoisonPill
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();
}

/// <summary>Replies that carry an outcome rather than a value; an Ask throws the cause of a failure.</summary>
public static class Status
{
    public sealed record Failure(Exception Cause);
}
