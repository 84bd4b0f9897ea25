namespace CondorActors.Kernel.Persistence;

/// <summary>
/// A write would leave a gap: its first sequence number is beyond the stored highest + 1.
/// Nothing of the batch was written. It means the writer's view of the journal is wrong (events
/// it believes stored are not there), so it must recover before writing again.
/// </summary>
public sealed class JournalSequenceGapException : InvalidOperationException
{
    public JournalSequenceGapException(string persistenceId, long expectedSequenceNr, long actualSequenceNr)
        : base($"Persistence id '{persistenceId}' expects sequence number {expectedSequenceNr} next, the write starts at {actualSequenceNr}; nothing was written.")
    {
        PersistenceId = persistenceId;
        ExpectedSequenceNr = expectedSequenceNr;
        ActualSequenceNr = actualSequenceNr;
    }

    public string PersistenceId { get; }

    public long ExpectedSequenceNr { get; }

    public long ActualSequenceNr { get; }
}
