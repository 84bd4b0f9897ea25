namespace CondorActors.Kernel.Actors;

/// <summary>Published on the event stream for a message sent to a stopped actor (or refused at shutdown).</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient, string Reason);

/// <summary>Published when an actor passes a message to Unhandled.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>Published when a handler threw: the message was dropped and the parent's strategy applied.</summary>
public sealed record MessageFailed(IActorRef Actor, object? Message, Exception Cause);
