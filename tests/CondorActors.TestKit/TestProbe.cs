using System.Threading.Channels;
using CondorActors.Kernel.Actors;
using Xunit.Sdk;

namespace CondorActors.TestKit;

/// <summary>
/// An actor that records what it receives so a test can assert on it. Pass <see cref="Ref"/>
/// wherever an actor reference is expected. Expectation timeouts use real time (the system's
/// clock may be fake and standing still).
/// </summary>
public sealed class TestProbe
{
    private readonly Channel<(object Message, IActorRef? Sender)> _received;

    internal TestProbe(ActorSystem system, string? name, TimeSpan defaultTimeout)
    {
        _received = Channel.CreateUnbounded<(object, IActorRef?)>(new UnboundedChannelOptions { SingleReader = true });
        DefaultTimeout = defaultTimeout;
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer)), name);
    }

    public IActorRef Ref { get; }

    public TimeSpan DefaultTimeout { get; }

    /// <summary>Sender of the last message taken by an expectation.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>Sends a message to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to the sender of the last message.</summary>
    public void Reply(object message)
    {
        var sender = LastSender ?? throw new InvalidOperationException("The probe has received no message with a sender to reply to.");
        sender.Tell(message, Ref);
    }

    /// <summary>The probe will receive <see cref="Terminated"/> when <paramref name="target"/> stops.</summary>
    public void Watch(IActorRef target) => Ref.Tell(new ProbeActor.WatchCommand(target, Unwatch: false));

    public void Unwatch(IActorRef target) => Ref.Tell(new ProbeActor.WatchCommand(target, Unwatch: true));

    /// <summary>Takes the next message, which must be a <typeparamref name="T"/> matching the predicate.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, Func<T, bool>? predicate = null)
    {
        var (message, sender) = await ReceiveAsync(timeout ?? DefaultTimeout, typeof(T).Name).ConfigureAwait(false);
        LastSender = sender;
        if (message is not T typed)
        {
            throw new XunitException($"Expected a {typeof(T).Name} but received {message.GetType().Name}: {message}");
        }

        if (predicate is not null && !predicate(typed))
        {
            throw new XunitException($"Received {typed} which does not match the predicate.");
        }

        return typed;
    }

    /// <summary>Takes the next message, which must equal <paramref name="expected"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
        where T : notnull
    {
        var received = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        if (!EqualityComparer<T>.Default.Equals(received, expected))
        {
            throw new XunitException($"Expected {expected} but received {received}.");
        }

        return received;
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(timeout, t => ReferenceEquals(t.ActorRef, target));

    /// <summary>Fails if any message arrives within <paramref name="duration"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        using var cts = new CancellationTokenSource(duration);
        try
        {
            var (message, _) = await _received.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            throw new XunitException($"Expected no message within {duration.TotalMilliseconds} ms but received {message.GetType().Name}: {message}");
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
        }
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching the predicate.</summary>
    public async Task<T> FishForMessageAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? DefaultTimeout;
        var started = DateTime.UtcNow;
        var skipped = new List<string>();
        while (true)
        {
            var remaining = limit - (DateTime.UtcNow - started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new XunitException($"No matching {typeof(T).Name} within {limit.TotalMilliseconds} ms; skipped: {string.Join(", ", skipped)}");
            }

            var (message, sender) = await ReceiveAsync(remaining, typeof(T).Name, skipped).ConfigureAwait(false);
            if (message is T typed && predicate(typed))
            {
                LastSender = sender;
                return typed;
            }

            skipped.Add(message.GetType().Name);
        }
    }

    private async Task<(object Message, IActorRef? Sender)> ReceiveAsync(TimeSpan timeout, string expected, List<string>? skipped = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            var also = skipped is { Count: > 0 } ? $" (skipped: {string.Join(", ", skipped)})" : string.Empty;
            throw new XunitException($"Timeout ({timeout.TotalMilliseconds:0} ms) waiting for {expected} at probe {Ref.Path}{also}");
        }
    }
}
