namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Event journal contract, shaped like Akka.Persistence's: atomic batch writes, ranged replay,
/// highest sequence number, deletion up to a sequence number. Implementations must be safe for
/// concurrent use by many persistent actors.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>
    /// Writes the events of one persistence id atomically: all of them or none. Sequence numbers
    /// must continue the stored ones without gaps; when another writer already stored a sequence
    /// number, throws <see cref="JournalConcurrencyException"/> and stores nothing of the batch.
    /// Completes only once the events are durable.
    /// </summary>
    Task WriteAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default);

    /// <summary>Replays stored events with fromSequenceNr &lt;= seq &lt;= toSequenceNr, in order.</summary>
    Task ReplayAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        Func<JournalEntry, ValueTask> onEvent,
        CancellationToken cancellationToken = default);

    /// <summary>Highest stored sequence number of the id, 0 when none (also after deletion).</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes events up to and including the sequence number; the highest number is kept.</summary>
    Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
