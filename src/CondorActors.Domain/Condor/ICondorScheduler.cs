namespace CondorActors.Domain.Condor;

/// <summary>
/// Write access to one schedd: submit, remove, hold, release, vacate. Kept apart from the read
/// contract (<see cref="ICondorGateway"/>); implemented by <see cref="Cli.CondorCliScheduler"/> and by
/// <see cref="Simulated.SimulatedCondorPool"/> with HTCondor's semantics and messages.
/// </summary>
public interface ICondorScheduler
{
    CondorBackendKind Backend { get; }

    /// <summary>
    /// Queues <paramref name="count"/> jobs of one description with ONE <c>condor_submit -terse</c>
    /// (the description on stdin, <c>queue N</c> appended here). The description must consist of
    /// plain commands only (<see cref="Submit.SubmitDescriptionGuard"/>).
    /// </summary>
    /// <exception cref="CondorSubmitRejectedException">condor_submit refused the description (its <c>ERROR:</c> lines).</exception>
    /// <exception cref="CondorUnreachableException">The schedd cannot be contacted.</exception>
    Task<SubmittedJobs> SubmitAsync(string description, int count, CancellationToken cancellationToken = default);

    /// <summary>Removes, holds (with an optional reason), releases or vacates the target's jobs.</summary>
    /// <exception cref="CondorJobNotFoundException">No job matches the target.</exception>
    /// <exception cref="CondorTransitionRefusedException">HTCondor refused the transition ("not held to be released").</exception>
    /// <exception cref="CondorConstraintException">The target's constraint does not parse.</exception>
    Task<JobActionResult> ActAsync(JobAction action, JobTarget target, string? reason = null, CancellationToken cancellationToken = default);
}
