namespace CondorActors.Kernel.Persistence;

/// <summary>Snapshot store contract: save, load the newest at or below a sequence number, delete.</summary>
public interface ISnapshotStore : IAsyncDisposable
{
    Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot with SequenceNr &lt;= maxSequenceNr, or null.</summary>
    Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr = long.MaxValue, CancellationToken cancellationToken = default);

    Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
