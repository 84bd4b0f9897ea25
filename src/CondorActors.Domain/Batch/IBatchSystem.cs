namespace CondorActors.Domain.Batch;

/// <summary>
/// One site's batch system. Every job it submits carries the site's tag (job-name prefix and,
/// where the system has one, a comment), so a new instance finds all of the controller's jobs
/// again with one query. Implementations are safe to call concurrently.
/// </summary>
public interface IBatchSystem
{
    /// <summary>The configuration name of the system: slurm, pbs, cobalt, sfapi or local.</summary>
    string Kind { get; }

    /// <summary>Submits one job and returns its batch job id.</summary>
    /// <exception cref="BatchSystemUnavailableException">
    /// The batch system did not answer. When <see cref="BatchSystemUnavailableException.MayHaveTakenEffect"/>
    /// is true the job may exist anyway: look for it by name before submitting again.
    /// </exception>
    /// <exception cref="BatchCommandException">The batch system refused the job.</exception>
    /// <exception cref="BatchRequestException">The request breaks the site's rules (e.g. a directive that is not allowed).</exception>
    Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Status of all tagged jobs on the site, in one batch-system query per poll. Jobs in
    /// <paramref name="expectedJobIds"/> (and jobs this instance submitted or saw) that the query
    /// no longer lists are looked up in completion records, accounting or per-job detail, and are
    /// <see cref="BatchJobState.Vanished"/> when nothing knows them.
    /// </summary>
    /// <exception cref="BatchSystemUnavailableException">No trustworthy answer; no job changed state.</exception>
    Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels a job. Idempotent: a job that already ended or is unknown is not an error.</summary>
    /// <exception cref="BatchSystemUnavailableException">The batch system did not answer.</exception>
    Task CancelAsync(string jobId, CancellationToken cancellationToken = default);
}
