namespace CondorActors.Kernel.Actors;

/// <summary>
/// System-wide publish/subscribe by event type (dead letters, failures, domain notices).
/// Subscribers are removed automatically when they stop.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private (IActorRef Subscriber, Type EventType)[] _subscriptions = [];

    public void Subscribe<TEvent>(IActorRef subscriber) => Subscribe(subscriber, typeof(TEvent));

    public void Subscribe(IActorRef subscriber, Type eventType)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(eventType);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, (subscriber, eventType)];
        }
    }

    public void Unsubscribe(IActorRef subscriber)
    {
        // Cheap test first: every stopping actor calls this.
        if (Array.FindIndex(Volatile.Read(ref _subscriptions), s => ReferenceEquals(s.Subscriber, subscriber)) < 0)
        {
            return;
        }

        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => !ReferenceEquals(s.Subscriber, subscriber));
        }
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var (subscriber, eventType) in Volatile.Read(ref _subscriptions))
        {
            if (eventType.IsInstanceOfType(@event))
            {
                if (subscriber is ActorCell cell)
                {
                    cell.TellInternal(@event, null);
                }
                else
                {
                    subscriber.Tell(@event);
                }
            }
        }
    }
}
