namespace CondorActors.Kernel.Actors;

/// <summary>Stash: messages put aside and later put back in front of the mailbox, in order.</summary>
internal sealed partial class ActorCell
{
    private List<Envelope>? _stash;

    internal void Stash()
    {
        if (_current.Message is null)
        {
            throw new InvalidOperationException($"{Path}: Stash() is only valid while handling a message.");
        }

        var stash = _stash ??= [];
        if (stash.Count >= _props.StashCapacity)
        {
            throw new StashOverflowException(Path, _props.StashCapacity);
        }

        stash.Add(_current);
    }

    internal void UnstashAll()
    {
        if (_stash is not { Count: > 0 } stash)
        {
            return;
        }

        // Stashed messages go before anything still waiting from an earlier UnstashAll.
        var queue = new Queue<Envelope>(stash.Count + (_unstashed?.Count ?? 0));
        foreach (var envelope in stash)
        {
            queue.Enqueue(envelope);
        }

        if (_unstashed is not null)
        {
            foreach (var envelope in _unstashed)
            {
                queue.Enqueue(envelope);
            }
        }

        _unstashed = queue;
        _stash = null;
    }
}
