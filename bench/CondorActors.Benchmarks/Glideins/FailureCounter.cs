using System.Collections.Concurrent;
using CondorActors.Kernel.Actors;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// Counts the actor failures published on the event stream (a journal write or recovery that
/// failed stops the actor), so a run that loses glideins says why instead of only how many.
/// </summary>
internal sealed class FailureCounter : IActorRef
{
    private readonly ConcurrentDictionary<string, int> _causes = new(StringComparer.Ordinal);

    public string Path => "/bench/failure-counter";

    public static FailureCounter SubscribeTo(ActorSystem system)
    {
        var counter = new FailureCounter();
        system.EventStream.Subscribe<MessageFailed>(counter);
        return counter;
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is MessageFailed failed)
        {
            var cause = failed.Cause.GetType().Name + ": " + FirstLine(failed.Cause.Message);
            _causes.AddOrUpdate(cause, 1, (_, n) => n + 1);
        }
    }

    public override string ToString() =>
        _causes.IsEmpty ? "no actor failure" : string.Join("; ", _causes.OrderByDescending(p => p.Value).Select(p => $"{p.Value:N0} x {p.Key}"));

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
