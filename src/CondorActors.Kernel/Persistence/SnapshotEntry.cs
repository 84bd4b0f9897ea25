namespace CondorActors.Kernel.Persistence;

/// <summary>A stored snapshot of an actor's state at a sequence number.</summary>
public sealed record SnapshotEntry(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    string Payload,
    DateTimeOffset Timestamp);
