namespace CondorActors.Kernel.Actors;

/// <summary>The actor could not be created or its start hook failed.</summary>
public sealed class ActorInitializationException(string actorPath, Exception inner)
    : Exception($"Actor {actorPath} failed to start: {inner.Message}", inner)
{
    public string ActorPath { get; } = actorPath;
}

/// <summary>A child name is invalid or already taken under that parent.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);

/// <summary>The actor stashed more messages than its props allow.</summary>
public sealed class StashOverflowException(string actorPath, int capacity)
    : Exception($"Stash of {actorPath} is full ({capacity} messages); unstash before stashing more or raise Props.StashCapacity.")
{
    public string ActorPath { get; } = actorPath;
}

/// <summary>An Ask could not be delivered: the target is stopped or the system is shutting down.</summary>
public sealed class AskDeliveryException(string actorPath, Type messageType, string reason)
    : Exception($"Ask to {actorPath} with {messageType.Name} failed: {reason}.")
{
    public string ActorPath { get; } = actorPath;
}
