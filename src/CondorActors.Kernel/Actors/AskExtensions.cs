namespace CondorActors.Kernel.Actors;

/// <summary>Request-reply on top of Tell.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and awaits its first reply.
    /// A <see cref="Status.Failure"/> reply throws its cause; no reply within
    /// <paramref name="timeout"/> (measured on the system's TimeProvider) throws a
    /// <see cref="TimeoutException"/> naming the actor and the message type; a stopped target
    /// throws <see cref="AskDeliveryException"/> without waiting for the timeout.
    /// </summary>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var time = (target as ActorCell)?.System.Time ?? TimeProvider.System;
        var ask = new AskRef();
        var timeoutMessage = $"Ask to {target.Path} with {message.GetType().Name} timed out after {timeout.TotalMilliseconds:0} ms.";
        using var timer = time.CreateTimer(static state => ((Action)state!)(), (Action)(() => ask.Fail(new TimeoutException(timeoutMessage))), timeout, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.Register(static (state, token) => ((AskRef)state!).Cancel(token), ask);
        target.Tell(message, ask);
        var reply = await ask.Reply.ConfigureAwait(false);
        return reply switch
        {
            Status.Failure failure => throw failure.Cause,
            T typed => typed,
            _ => throw new InvalidCastException($"Ask to {target.Path} with {message.GetType().Name} expected a {typeof(T).Name} reply but got {reply.GetType().Name}."),
        };
    }
}
