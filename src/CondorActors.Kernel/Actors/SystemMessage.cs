namespace CondorActors.Kernel.Actors;

/// <summary>
/// Messages of the runtime itself. They are intrusive list nodes (<see cref="Next"/>) so the
/// system queue costs nothing while empty; each instance is enqueued once.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}

/// <summary>Creates the actor instance and runs PreStart.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stops the actor: children first, then PostStop, then watchers are told.</summary>
internal sealed class Terminate : SystemMessage;

internal sealed class Watch(ActorCell watchee, ActorCell watcher) : SystemMessage
{
    public ActorCell Watchee { get; } = watchee;

    public ActorCell Watcher { get; } = watcher;
}

internal sealed class Unwatch(ActorCell watchee, ActorCell watcher) : SystemMessage
{
    public ActorCell Watchee { get; } = watchee;

    public ActorCell Watcher { get; } = watcher;
}

/// <summary>Sent by a stopped actor to each watcher; becomes a <see cref="Terminated"/> message.</summary>
internal sealed class DeathWatchNotification(ActorCell actor) : SystemMessage
{
    public ActorCell Actor { get; } = actor;
}

/// <summary>A child failed; its parent's strategy decides.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

internal sealed class Resume : SystemMessage;

/// <summary>Restarts the actor with a new instance from its props.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}

/// <summary>Marks a closed system queue; enqueuers that meet it treat their message as sent to a dead actor.</summary>
internal sealed class ClosedMarker : SystemMessage
{
    public static readonly ClosedMarker Instance = new();
}
