namespace CondorActors.Kernel.Actors;

/// <summary>
/// Death watch, as in Akka: the watcher records whom it watches, the watchee records its
/// watchers; a stopped actor notifies its watchers with a system message, and the watcher turns
/// it into a <see cref="Terminated"/> user message only if it still watches (exactly once).
/// </summary>
internal sealed partial class ActorCell
{
    private DeathWatchState? _watch;

    public void Watch(IActorRef actor)
    {
        var target = AsCell(actor);
        if (ReferenceEquals(target, this))
        {
            return;
        }

        if ((_watch ??= new DeathWatchState()).Watching.Add(target))
        {
            target.SendSystem(new Watch(target, this));
        }
    }

    public void Unwatch(IActorRef actor)
    {
        var target = AsCell(actor);
        if (_watch is null)
        {
            return;
        }

        if (_watch.Watching.Remove(target))
        {
            target.SendSystem(new Unwatch(target, this));
        }

        // A Terminated already queued but not handled is discarded, like Akka.
        _watch.TerminatedQueued?.Remove(target);
    }

    private ActorCell AsCell(IActorRef actor) =>
        actor as ActorCell ?? throw new ArgumentException($"{actor?.Path ?? "null"} is not an actor of system '{_system.Name}' and cannot be watched.", nameof(actor));

    private void AddWatcher(ActorCell watcher)
    {
        if (!ReferenceEquals(watcher, this))
        {
            (_watch ??= new DeathWatchState()).Watchers.Add(watcher);
        }
    }

    private void RemoveWatcher(ActorCell watcher) => _watch?.Watchers.Remove(watcher);

    private void OnWatchedActorTerminated(ActorCell actor)
    {
        if (_watch is null || !_watch.Watching.Remove(actor) || _lifecycle >= Terminating)
        {
            return;
        }

        (_watch.TerminatedQueued ??= []).Add(actor);
        Post(new Envelope(new TerminatedSignal(actor), actor));
    }

    private bool AcceptTerminated(ActorCell actor) => _watch?.TerminatedQueued?.Remove(actor) == true;

    private void NotifyWatchersAndUnwatchAll()
    {
        if (_watch is null)
        {
            return;
        }

        foreach (var watcher in _watch.Watchers)
        {
            watcher.SendSystem(new DeathWatchNotification(this));
        }

        // Tell the actors we watched to forget us, so long-lived watchees do not accumulate
        // dead watchers over months.
        foreach (var watched in _watch.Watching)
        {
            watched.SendSystem(new Unwatch(watched, this));
        }

        _watch = null;
    }

    private sealed class DeathWatchState
    {
        public HashSet<ActorCell> Watchers { get; } = [];

        public HashSet<ActorCell> Watching { get; } = [];

        public HashSet<ActorCell>? TerminatedQueued { get; set; }
    }
}

/// <summary>Queued in the watcher's user queue; becomes <see cref="Terminated"/> if still watched.</summary>
internal sealed record TerminatedSignal(ActorCell Actor);
