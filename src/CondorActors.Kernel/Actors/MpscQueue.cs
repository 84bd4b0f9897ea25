namespace CondorActors.Kernel.Actors;

/// <summary>
/// Unbounded multi-producer single-consumer queue after Dmitry Vyukov's node-based design:
/// producers swap the tail with one atomic exchange, the single consumer walks the links.
/// An empty queue holds one node (the last one consumed), which keeps an idle mailbox to about
/// 40 bytes, against roughly a kilobyte for an unbounded Channel&lt;T&gt; (see docs/performance.md).
/// It is a mutable struct embedded in the actor cell, so always use it through the field.
/// </summary>
internal struct MpscQueue
{
    private Node _head;
    private Node _tail;

    public MpscQueue()
    {
        _head = _tail = new Node();
    }

    /// <summary>True when nothing is queued; may be momentarily stale when read by another thread.</summary>
    public bool IsEmpty => ReferenceEquals(Volatile.Read(ref _head), Volatile.Read(ref _tail));

    public void Enqueue(in Envelope envelope)
    {
        var node = new Node { Value = envelope };
        var previous = Interlocked.Exchange(ref _tail, node);

        // Between the exchange and this write the consumer sees an empty queue; the producer
        // schedules the mailbox after this write, so the message is never stranded.
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>Consumer only.</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        envelope = next.Value;

        // The dequeued node becomes the new stub: clear it so the queue does not keep the
        // message (and its sender) alive.
        next.Value = default;
        _head = next;
        return true;
    }

    private sealed class Node
    {
        public Envelope Value;
        public Node? Next;
    }
}
