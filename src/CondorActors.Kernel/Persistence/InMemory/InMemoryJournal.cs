namespace CondorActors.Kernel.Persistence.InMemory;

/// <summary>
/// A journal in memory honouring the <see cref="IJournal"/> contract (atomic batches, no gaps,
/// concurrency error for a taken sequence number, highest number kept after deletion). For tests
/// and simulations.
/// </summary>
public sealed class InMemoryJournal : IJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PersistenceStream> _streams = new(StringComparer.Ordinal);

    public Task WriteAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Validate the whole batch before storing anything: all or nothing.
            var next = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entry in events)
            {
                if (!next.TryGetValue(entry.PersistenceId, out var expected))
                {
                    expected = (_streams.TryGetValue(entry.PersistenceId, out var stream) ? stream.Highest : 0) + 1;
                }

                if (entry.SequenceNr < expected)
                {
                    throw new JournalConcurrencyException(entry.PersistenceId, entry.SequenceNr);
                }

                if (entry.SequenceNr > expected)
                {
                    throw new InvalidOperationException($"Persistence id '{entry.PersistenceId}': sequence number {entry.SequenceNr} would leave a gap after {expected - 1}.");
                }

                next[entry.PersistenceId] = expected + 1;
            }

            foreach (var entry in events)
            {
                if (!_streams.TryGetValue(entry.PersistenceId, out var stream))
                {
                    _streams[entry.PersistenceId] = stream = new PersistenceStream();
                }

                stream.Events.Add(entry);
                stream.Highest = entry.SequenceNr;
            }
        }

        return Task.CompletedTask;
    }

    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, Func<JournalEntry, ValueTask> onEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        JournalEntry[] selected;
        lock (_gate)
        {
            selected = _streams.TryGetValue(persistenceId, out var stream)
                ? stream.Events.Where(e => e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr).ToArray()
                : [];
        }

        foreach (var entry in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await onEvent(entry).ConfigureAwait(false);
        }
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_streams.TryGetValue(persistenceId, out var stream) ? stream.Highest : 0);
        }
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(persistenceId, out var stream))
            {
                stream.Events.RemoveAll(e => e.SequenceNr <= toSequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class PersistenceStream
    {
        public List<JournalEntry> Events { get; } = [];

        public long Highest { get; set; }
    }
}
