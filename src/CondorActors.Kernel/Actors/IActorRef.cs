namespace CondorActors.Kernel.Actors;

/// <summary>
/// A handle to an actor. Telling never blocks and never throws because the target is gone:
/// such messages go to the system's dead letters.
/// </summary>
public interface IActorRef
{
    /// <summary>Absolute path, e.g. <c>/user/sites/slurm-a/g-42</c>.</summary>
    string Path { get; }

    /// <summary>Enqueues the message; <paramref name="sender"/> is what the receiver sees as Sender.</summary>
    void Tell(object message, IActorRef? sender = null);
}
