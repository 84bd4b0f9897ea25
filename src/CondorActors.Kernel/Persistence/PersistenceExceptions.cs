namespace CondorActors.Kernel.Persistence;

/// <summary>A stored manifest has no registered type (an event written by a newer or other version).</summary>
public sealed class UnknownEventManifestException(string manifest)
    : Exception($"Unknown event manifest '{manifest}': no type is registered for it in the EventTypeRegistry.")
{
    public string Manifest { get; } = manifest;
}

/// <summary>Recovery of a persistent actor failed at a sequence number; the actor is stopped.</summary>
public sealed class RecoveryFailedException(string persistenceId, long sequenceNr, Exception inner)
    : Exception($"Recovery of persistence id '{persistenceId}' failed at sequence number {sequenceNr}: {inner.Message}", inner)
{
    public string PersistenceId { get; } = persistenceId;

    public long SequenceNr { get; } = sequenceNr;
}
