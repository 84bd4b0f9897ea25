namespace CondorActors.Kernel.Persistence;

/// <summary>
/// One caller's atomic batch waiting in the group-commit queue. The flush either rejects it
/// (only this caller fails) or lets it ride the flush's transaction.
/// </summary>
internal sealed class PendingWrite
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private int _state;
    private Exception? _rejection;

    public PendingWrite(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken)
    {
        Events = events;
        PersistenceId = events[0].PersistenceId;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static (state, token) => ((PendingWrite)state!).TryCancel(token), this);
        }
    }

    public IReadOnlyList<JournalEntry> Events { get; }

    public string PersistenceId { get; }

    public long FirstSequenceNr => Events[0].SequenceNr;

    public long LastSequenceNr => Events[^1].SequenceNr;

    public Task Completion => _completion.Task;

    public bool IsRejected => _rejection is not null;

    /// <summary>
    /// Claims the write for a flush. Cancellation is honoured only before this point: once a flush
    /// holds the write the caller waits for the real outcome, so a cancelled caller is never told
    /// "failed" about an event that became durable.
    /// </summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Marks this batch as not written; the flush's transaction goes on for the others.</summary>
    public void Reject(Exception reason) => _rejection = reason;

    /// <summary>The flush committed: succeed, or fail with the rejection reason.</summary>
    public void Complete()
    {
        _registration.Dispose();
        if (_rejection is { } rejection)
        {
            _completion.TrySetException(rejection);
        }
        else
        {
            _completion.TrySetResult();
        }
    }

    /// <summary>The flush as a whole failed: nothing of this batch was written.</summary>
    public void Fail(Exception error)
    {
        _registration.Dispose();
        _completion.TrySetException(_rejection ?? error);
    }

    private void TryCancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _completion.TrySetCanceled(token);
        }
    }
}
