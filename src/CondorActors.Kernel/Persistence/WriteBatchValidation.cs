namespace CondorActors.Kernel.Persistence;

/// <summary>Argument checks shared by the stores, done before a batch enters the queue.</summary>
internal static class WriteBatchValidation
{
    public static void Validate(IReadOnlyList<JournalEntry> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("A journal write needs at least one event.", nameof(events));
        }

        var first = events[0];
        if (first.SequenceNr < 1)
        {
            throw new ArgumentException($"Sequence numbers start at 1; '{first.PersistenceId}' got {first.SequenceNr}.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            var entry = events[i];
            ArgumentNullException.ThrowIfNull(entry, nameof(events));
            if (string.IsNullOrEmpty(entry.PersistenceId) || string.IsNullOrEmpty(entry.Manifest) || entry.Payload is null)
            {
                throw new ArgumentException("Every event needs a persistence id, a manifest and a payload.", nameof(events));
            }

            if (!string.Equals(entry.PersistenceId, first.PersistenceId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"One write holds events of one persistence id; got '{first.PersistenceId}' and '{entry.PersistenceId}'.", nameof(events));
            }

            if (entry.SequenceNr != first.SequenceNr + i)
            {
                throw new ArgumentException($"Sequence numbers of one write must be consecutive; '{first.PersistenceId}' has {entry.SequenceNr} at position {i}.", nameof(events));
            }
        }
    }

    /// <summary>The error for a batch that does not continue the stored sequence.</summary>
    public static Exception SequenceMismatch(PendingWrite write, long highestStored) =>
        write.FirstSequenceNr <= highestStored
            ? new JournalConcurrencyException(write.PersistenceId, write.FirstSequenceNr)
            : new JournalSequenceGapException(write.PersistenceId, highestStored + 1, write.FirstSequenceNr);
}
