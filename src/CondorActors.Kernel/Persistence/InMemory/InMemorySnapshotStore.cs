namespace CondorActors.Kernel.Persistence.InMemory;

/// <summary>A snapshot store in memory, for tests and simulations.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<SnapshotEntry>> _snapshots = new(StringComparer.Ordinal);

    public Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(snapshot.PersistenceId, out var list))
            {
                _snapshots[snapshot.PersistenceId] = list = [];
            }

            // One snapshot per sequence number: a second save at the same number replaces it.
            list.RemoveAll(s => s.SequenceNr == snapshot.SequenceNr);
            list.Add(snapshot);
            list.Sort((a, b) => a.SequenceNr.CompareTo(b.SequenceNr));
        }

        return Task.CompletedTask;
    }

    public Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr = long.MaxValue, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var latest = _snapshots.TryGetValue(persistenceId, out var list)
                ? list.LastOrDefault(s => s.SequenceNr <= maxSequenceNr)
                : null;
            return Task.FromResult(latest);
        }
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                list.RemoveAll(s => s.SequenceNr <= toSequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
