namespace CondorActors.Kernel.Actors;

/// <summary>
/// Counts and reports undeliverable and unhandled messages. Logging is limited to one line per
/// second (with running totals) so a flood of dead letters cannot flood the log. An Ask whose
/// question becomes a dead letter fails at once instead of waiting for its timeout.
/// </summary>
internal sealed class DeadLetterOffice(ActorSystem system)
{
    private const long LogIntervalMs = 1000;
    private long _lastLogAt = long.MinValue;

    public void Undeliverable(object message, IActorRef? sender, IActorRef recipient, string reason)
    {
        system.Metrics.OnDeadLetter();
        if (sender is AskRef ask)
        {
            ask.FailUndeliverable(recipient.Path, message, reason);
        }

        // Events about dead letters that themselves could not be delivered are only counted,
        // or a stopped subscriber would loop.
        if (message is not (DeadLetter or UnhandledMessage or MessageFailed))
        {
            system.EventStream.Publish(new DeadLetter(message, sender, recipient, reason));
        }

        MaybeLog("Dead letter", message, sender, recipient, reason);
    }

    public void Unhandled(object message, IActorRef? sender, IActorRef recipient)
    {
        system.Metrics.OnUnhandled();
        system.EventStream.Publish(new UnhandledMessage(message, sender, recipient));
        MaybeLog("Unhandled message", message, sender, recipient, "no case in the receive method");
    }

    private void MaybeLog(string kind, object message, IActorRef? sender, IActorRef recipient, string reason)
    {
        var now = Environment.TickCount64;
        var last = Volatile.Read(ref _lastLogAt);
        if (now - last < LogIntervalMs || Interlocked.CompareExchange(ref _lastLogAt, now, last) != last)
        {
            return;
        }

        KernelLog.DeadLetter(
            system.Logger, kind, message.GetType().Name, recipient.Path, sender?.Path ?? "no sender", reason,
            system.Metrics.DeadLetters, system.Metrics.UnhandledMessages);
    }
}

/// <summary>The reference behind <see cref="ActorSystem.DeadLetters"/>.</summary>
internal sealed class DeadLetterRef(ActorSystem system) : IActorRef
{
    public string Path => "/deadLetters";

    public void Tell(object message, IActorRef? sender = null) =>
        system.DeadLetterOffice.Undeliverable(message, sender, this, "sent to dead letters");

    public override string ToString() => Path;
}
