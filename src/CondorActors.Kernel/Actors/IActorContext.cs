using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// What an actor may do besides handling its message. Use it only from the actor's own
/// receive method and hooks (the runtime guarantees those never run concurrently).
/// </summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>Sender of the current message, or the dead-letter reference when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent; null only for the /user guardian.</summary>
    IActorRef? Parent { get; }

    ActorSystem System { get; }

    IEnumerable<IActorRef> Children { get; }

    ITimerScheduler Timers { get; }

    ILogger Log { get; }

    /// <summary>Creates a child; throws <see cref="InvalidActorNameException"/> when the name is taken.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The child with that name, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Stops the actor itself or one of its children (asynchronously; children first).</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> exactly once when the actor stops (also if already stopped).</summary>
    void Watch(IActorRef actor);

    /// <summary>Stops watching; a Terminated queued but not yet handled is discarded.</summary>
    void Unwatch(IActorRef actor);
}
