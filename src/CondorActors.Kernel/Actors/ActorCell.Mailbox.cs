namespace CondorActors.Kernel.Actors;

/// <summary>
/// The mailbox: a lock-free system queue (a CAS-pushed list, reversed when taken) that is
/// always drained before the next user message, and a lock-free MPSC user queue. The mailbox
/// is scheduled onto the thread pool by a compare-and-swap Idle -> Busy, processes up to
/// <see cref="Props.Throughput"/> user messages per turn and reschedules itself if work
/// remains. A handler that completes without awaiting costs no allocation and no hop; one
/// that awaits keeps the mailbox Busy until it completes, so messages are never interleaved.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Busy = 1;

    private int _status;
    private SystemMessage? _systemHead;
    private SystemMessage? _systemPending;
    private MpscQueue _mailbox;
    private Queue<Envelope>? _unstashed;
    private bool _suspended;

    /// <summary>True when the actor has nothing queued and is not processing (approximate from other threads).</summary>
    internal bool IsQuiescent =>
        Volatile.Read(ref _status) == Idle && _mailbox.IsEmpty && Volatile.Read(ref _unstashed) is null && Volatile.Read(ref _systemHead) is null or ClosedMarker;

    private bool CanProcessUser => _lifecycle == Running && !_suspended;

    internal void SendSystem(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is ClosedMarker)
            {
                OnSystemMessageAfterDeath(message);
                return;
            }

            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head))
            {
                break;
            }
        }

        Schedule();
    }

    private void Post(in Envelope envelope)
    {
        _mailbox.Enqueue(envelope);
        Schedule();
    }

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _status, Busy, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute() => Run();

    private void Run()
    {
        var budget = _props.Throughput;
        while (true)
        {
            Task step;
            if (TryTakeSystem(out var system))
            {
                step = ProcessSystemAsync(system);
            }
            else if (_lifecycle == Dead)
            {
                DrainToDeadLetters();
                break;
            }
            else if (budget > 0 && CanProcessUser && TryTakeUser(out var envelope))
            {
                budget--;
                step = ProcessUserAsync(envelope);
            }
            else
            {
                break;
            }

            if (!step.IsCompleted)
            {
                _ = ResumeAfterAsync(step);
                return;
            }
        }

        // Full fence: the release must be visible before we look for work a producer added
        // after our last dequeue, or both sides could miss each other.
        Interlocked.Exchange(ref _status, Idle);
        if (HasWork())
        {
            Schedule();
        }
    }

    private async Task ResumeAfterAsync(Task step)
    {
        // The step methods catch everything; suppress only guards against a bug there.
        await step.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // Continue on the pool rather than inline: the continuation may be running on whatever
        // thread completed the handler's task (another actor, a socket callback).
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    private bool HasWork()
    {
        var head = Volatile.Read(ref _systemHead);
        if (head is not null && head is not ClosedMarker)
        {
            return true;
        }

        if (_lifecycle == Dead)
        {
            return !_mailbox.IsEmpty;
        }

        return CanProcessUser && (_unstashed is not null || !_mailbox.IsEmpty);
    }

    private bool TryTakeSystem(out SystemMessage message)
    {
        if (_systemPending is null)
        {
            // A dead actor closes its system queue as it takes the last messages, atomically:
            // a later sender sees the marker and handles its message as sent to a dead actor.
            var taken = _lifecycle == Dead
                ? Interlocked.Exchange(ref _systemHead, ClosedMarker.Instance)
                : Interlocked.Exchange(ref _systemHead, null);
            if (taken is null or ClosedMarker)
            {
                message = null!;
                return false;
            }

            // The list was pushed LIFO; reverse it to process in arrival order.
            SystemMessage? reversed = null;
            while (taken is not null)
            {
                var next = taken.Next;
                taken.Next = reversed;
                reversed = taken;
                taken = next;
            }

            _systemPending = reversed;
        }

        message = _systemPending!;
        _systemPending = message.Next;
        message.Next = null;
        return true;
    }

    private bool TryTakeUser(out Envelope envelope)
    {
        if (_unstashed is { } unstashed)
        {
            envelope = unstashed.Dequeue();
            if (unstashed.Count == 0)
            {
                _unstashed = null;
            }

            return true;
        }

        return _mailbox.TryDequeue(out envelope);
    }

    private void DrainToDeadLetters()
    {
        while (TryTakeUser(out var envelope))
        {
            if (envelope.Message is not (TimerEntry or TerminatedSignal))
            {
                _system.DeadLetterOffice.Undeliverable(envelope.Message, envelope.Sender, this, "recipient stopped");
            }
        }
    }
}
