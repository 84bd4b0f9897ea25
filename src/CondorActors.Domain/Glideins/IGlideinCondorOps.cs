using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The HTCondor operations glideins need, over the simulated pool or the command-line tools.
/// Every glidein's startd advertises <c>GlideinId</c> and <c>GlideinSite</c>; the operations
/// select by them.
/// </summary>
public interface IGlideinCondorOps
{
    /// <summary>
    /// <c>condor_advertise INVALIDATE_STARTD_ADS</c> with a query ad whose Requirements select
    /// <c>GlideinId == "id"</c>. Succeeds whether or not anything matched (as the real tool does):
    /// confirm with <see cref="QueryGlideinAdsAsync"/>.
    /// </summary>
    Task InvalidateStartdAdsAsync(string glideinId, CancellationToken cancellationToken = default);

    /// <summary>The startd (slot) ads of all glideins of a site in ONE collector query, or of one glidein.</summary>
    Task<IReadOnlyList<ClassAd>> QueryGlideinAdsAsync(string site, string? glideinId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>condor_vacate_job</c> for the jobs (never hold + release: on a disconnected job that
    /// leaves the old shadow and the job unmatchable until its lease ends). Jobs no longer running
    /// are not an error: the caller verifies with <see cref="GetJobsAsync"/>.
    /// </summary>
    Task VacateJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default);

    /// <summary>Jobs that run (or still show a RemoteHost) on one of the glidein's slots.</summary>
    Task<IReadOnlyList<GlideinJob>> QueryJobsOnAsync(string glideinId, CancellationToken cancellationToken = default);

    /// <summary>The current status of these jobs; jobs no longer in the queue are left out.</summary>
    Task<IReadOnlyList<GlideinJob>> GetJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default);
}

/// <summary>A job as glidein cleanup sees it.</summary>
public sealed record GlideinJob(CondorJobId Id, CondorJobStatus Status, string? RemoteHost)
{
    /// <summary>Back in the queue, matchable: Idle with no RemoteHost (a held+released job keeps it).</summary>
    public bool IsReleased => Status != CondorJobStatus.Running && string.IsNullOrEmpty(RemoteHost);
}
