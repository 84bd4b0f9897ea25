namespace CondorActors.Kernel.Persistence;

/// <summary>Offered to ReceiveRecoverAsync first when a snapshot exists.</summary>
public sealed record SnapshotOffer(long SequenceNr, DateTimeOffset Timestamp, object Snapshot);

/// <summary>Offered to ReceiveRecoverAsync after the last replayed event.</summary>
public sealed record RecoveryCompleted
{
    private RecoveryCompleted()
    {
    }

    public static RecoveryCompleted Instance { get; } = new();
}
