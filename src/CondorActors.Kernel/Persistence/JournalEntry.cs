namespace CondorActors.Kernel.Persistence;

/// <summary>One stored event: the payload is JSON, the manifest is its stable type name.</summary>
public sealed record JournalEntry(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    string Payload,
    DateTimeOffset Timestamp,
    string WriterNode);
