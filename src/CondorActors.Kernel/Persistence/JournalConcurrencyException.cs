namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Another writer already stored a sequence number this write tried to store. Nothing of the
/// rejected batch was written; the stored events are unchanged.
/// </summary>
public sealed class JournalConcurrencyException : Exception
{
    public JournalConcurrencyException(string persistenceId, long sequenceNr)
        : base($"Persistence id '{persistenceId}' already has sequence number {sequenceNr}: another writer owns it; nothing was overwritten.")
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    public string PersistenceId { get; }

    public long SequenceNr { get; }
}
