using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// Base of every actor: one message at a time through <see cref="ReceiveAsync"/> (a switch),
/// plus lifecycle hooks. Instances are created by the runtime from <see cref="Props"/>, never
/// with <c>new</c> from outside.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} must be created through ActorSystem.ActorOf or Context.ActorOf with Props, not with 'new'.");
    }

    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell;

    /// <summary>Sender of the current message; the dead-letter reference when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    protected ITimerScheduler Timers => _cell.Timers;

    protected ILogger Log => _cell.Log;

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message. Unknown messages should go to <see cref="Unhandled"/>.</summary>
    protected abstract Task ReceiveAsync(object message);

    /// <summary>Runs before the first message of the first incarnation (and, by default, after a restart).</summary>
    protected virtual Task PreStartAsync() => Task.CompletedTask;

    /// <summary>Runs once the actor and all its children have stopped.</summary>
    protected virtual Task PostStopAsync() => Task.CompletedTask;

    /// <summary>Runs on the failed instance before it is replaced; by default stops all children.</summary>
    protected virtual Task PreRestartAsync(Exception reason, object? message)
    {
        _cell.StopAllChildren();
        return Task.CompletedTask;
    }

    /// <summary>Runs on the new instance after a restart; by default calls <see cref="PreStartAsync"/>.</summary>
    protected virtual Task PostRestartAsync(Exception reason) => PreStartAsync();

    /// <summary>Puts the current message aside until <see cref="UnstashAll"/>.</summary>
    protected void Stash() => _cell.Stash();

    /// <summary>Puts all stashed messages, in their order, in front of the mailbox.</summary>
    protected void UnstashAll() => _cell.UnstashAll();

    /// <summary>Counts and logs the message as unhandled (system dead letters).</summary>
    protected void Unhandled(object message) => _cell.System.DeadLetterOffice.Unhandled(message, _cell.CurrentSender, _cell);

    // The runtime calls the protected members through these; the persistent actor overrides
    // the start hooks to recover before the user's hooks run.
    internal virtual Task AroundReceiveAsync(object message) => ReceiveAsync(message);

    internal virtual Task AroundPreStartAsync() => PreStartAsync();

    internal virtual Task AroundPostRestartAsync(Exception reason) => PostRestartAsync(reason);

    internal Task AroundPreRestartAsync(Exception reason, object? message) => PreRestartAsync(reason, message);

    internal Task AroundPostStopAsync() => PostStopAsync();
}
