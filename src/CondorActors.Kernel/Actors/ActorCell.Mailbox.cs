using System.Threading.Channels;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// The mailbox: a lock-free system queue (a CAS-pushed list, reversed when taken) that is
/// always drained before the next user message, and an unbounded
/// <see cref="Channel{T}"/> for user messages, written with TryWrite and read with TryRead only:
/// nobody awaits the channel, so an idle actor holds no pending task or waiter. The mailbox
/// is scheduled onto the thread pool by a compare-and-swap Idle -> Busy, processes up to
/// <see cref="Props.Throughput"/> user messages per turn and reschedules itself if work
/// remains. A handler that completes without awaiting costs no allocation and no hop; one
/// that awaits keeps the mailbox Busy until it completes, so messages are never interleaved.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Busy = 1;

    // SingleReader = false although only the mailbox's turn ever reads: the single-reader
    // implementation does not support Reader.Count, and the only other non-destructive check,
    // TryPeek, marks the queue segment as observed so dequeued slots are never cleared (the
    // idle actor would keep its last messages alive). Count reads the segment indices and
    // changes nothing (it takes the queue's lock only when the backlog spans 3+ segments).
    // AllowSynchronousContinuations is moot (nothing awaits the reader) but stated so no
    // writer could ever run a reader continuation inline.
    private static readonly UnboundedChannelOptions MailboxOptions = new()
    {
        SingleReader = false,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    };

    private int _status;
    private SystemMessage? _systemHead;
    private SystemMessage? _systemPending;

    // Created by the first user message: an empty channel of envelopes costs about 1.5 KiB
    // (docs/performance.md), which an actor that is only ever stopped need not pay.
    private Channel<Envelope>? _mailbox;
    private Queue<Envelope>? _unstashed;
    private bool _suspended;

    /// <summary>True when the actor has nothing queued and is not processing (approximate from other threads).</summary>
    internal bool IsQuiescent =>
        Volatile.Read(ref _status) == Idle && UserQueueIsEmpty && Volatile.Read(ref _unstashed) is null && Volatile.Read(ref _systemHead) is null or ClosedMarker;

    private bool CanProcessUser => _lifecycle == Running && !_suspended;

    private bool UserQueueIsEmpty => Volatile.Read(ref _mailbox) is not { } mailbox || mailbox.Reader.Count == 0;

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
        var mailbox = Volatile.Read(ref _mailbox) ?? CreateMailbox();

        // Never fails: the channel is unbounded and never completed (a dead actor's late
        // messages are drained to dead letters by the run loop instead).
        _ = mailbox.Writer.TryWrite(envelope);
        Schedule();
    }

    private Channel<Envelope> CreateMailbox()
    {
        var created = Channel.CreateUnbounded<Envelope>(MailboxOptions);
        return Interlocked.CompareExchange(ref _mailbox, created, null) ?? created;
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
            return !UserQueueIsEmpty;
        }

        return CanProcessUser && (_unstashed is not null || !UserQueueIsEmpty);
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

        if (Volatile.Read(ref _mailbox) is { } mailbox)
        {
            return mailbox.Reader.TryRead(out envelope);
        }

        envelope = default;
        return false;
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
