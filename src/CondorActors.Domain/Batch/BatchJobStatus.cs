namespace CondorActors.Domain.Batch;

/// <summary>
/// One job's status as one poll saw it. <see cref="RawState"/> is the batch system's own word
/// (empty for <see cref="BatchJobState.Vanished"/>); <see cref="ExitCode"/> and
/// <see cref="Signal"/> are set only when the job ended and the batch system said them.
/// </summary>
public sealed record BatchJobStatus(string JobId, BatchJobState State, string RawState)
{
    public string? Name { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>The signal that ended the job (or its script), when the batch system reports one.</summary>
    public int? Signal { get; init; }

    public string? Reason { get; init; }

    public string? NodeList { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public BatchStatusSource Source { get; init; } = BatchStatusSource.Queue;

    public bool IsFinal => State.IsFinal();
}
