using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor;

/// <summary>
/// Read access to one HTCondor pool: the job queue, the job history, the collector's ads and the
/// configuration. Implemented by the command-line adapter (<see cref="Cli.CondorCliGateway"/>) and
/// the in-process <see cref="Simulated.SimulatedCondorPool"/>, which answer every query shape alike.
/// <para>
/// Ad queries stream: nothing runs until the first <c>MoveNextAsync</c>, and errors (bad
/// constraint, unreachable daemon, timeout) surface there, before any ad, so a caller can still
/// choose its HTTP status. Stopping an enumeration early stops the command behind it.
/// A constraint selects an ad only when it evaluates to exactly <c>true</c>.
/// </para>
/// </summary>
public interface ICondorGateway
{
    /// <summary>Which backend this is (reported to clients; never hidden).</summary>
    CondorBackendKind Backend { get; }

    /// <summary>Jobs in the queue, in (ClusterId, ProcId) order.</summary>
    /// <exception cref="CondorConstraintException">The constraint does not parse.</exception>
    /// <exception cref="CondorUnreachableException">The schedd or collector cannot be contacted.</exception>
    /// <exception cref="CondorNotFoundException">The named schedd is not known to the collector.</exception>
    /// <exception cref="CondorTimeoutException">The command outlived its timeout.</exception>
    IAsyncEnumerable<ClassAd> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>Finished jobs from the history, newest first.</summary>
    IAsyncEnumerable<ClassAd> QueryHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Ads held by the collector (slots, schedds, daemons, submitters).</summary>
    IAsyncEnumerable<ClassAd> QueryStatusAsync(StatusQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Configuration values by name (case-insensitive keys), or every value for a dump.
    /// </summary>
    /// <exception cref="CondorUnknownParameterException">A requested name is not defined; carries the ones that are.</exception>
    Task<IReadOnlyDictionary<string, string>> GetConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default);
}
