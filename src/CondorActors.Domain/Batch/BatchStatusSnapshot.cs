using System.Collections.Immutable;

namespace CondorActors.Domain.Batch;

/// <summary>
/// The status of all of the controller's jobs on one site from one poll: every tagged job the
/// batch system listed, plus every job the caller or the adapter knew of that was not listed
/// (resolved by follow-ups, else <see cref="BatchJobState.Vanished"/>).
/// </summary>
public sealed record BatchStatusSnapshot(DateTimeOffset ObservedAt, ImmutableDictionary<string, BatchJobStatus> Jobs)
{
    public static BatchStatusSnapshot Empty(DateTimeOffset observedAt) => new(observedAt, ImmutableDictionary<string, BatchJobStatus>.Empty);

    public BatchJobStatus? Find(string jobId) => Jobs.GetValueOrDefault(jobId);
}
