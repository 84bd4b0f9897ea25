using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Domain.Glideins.Simulated;

/// <summary>Glidein operations against the in-process <see cref="SimulatedCondorPool"/>, with the real tools' semantics.</summary>
public sealed class SimulatedGlideinCondorOps(SimulatedCondorPool pool) : IGlideinCondorOps
{
    public Task InvalidateStartdAdsAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        pool.InvalidateStartdAds(GlideinCondorQueries.SelectGlidein(glideinId));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ClassAd>> QueryGlideinAdsAsync(string site, string? glideinId = null, CancellationToken cancellationToken = default)
    {
        var query = new StatusQuery { AdType = StatusAdType.Startd, Constraint = GlideinCondorQueries.SlotsOf(site, glideinId), Projection = GlideinCondorQueries.SlotProjection };
        var ads = new List<ClassAd>();
        await foreach (var ad in pool.QueryStatusAsync(query, cancellationToken).ConfigureAwait(false))
        {
            ads.Add(ad);
        }

        return ads;
    }

    public Task VacateJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in jobIds)
        {
            // condor_vacate_job: the shadow exits and the job goes back to Idle without RemoteHost;
            // a job not running is left alone (the real tool says "not running to be vacated").
            if (pool.GetJob(id) is { } ad && ad.Evaluate("JobStatus").TryGetInteger(out var status) && status == (int)CondorJobStatus.Running)
            {
                pool.SetJobStatus(id, CondorJobStatus.Idle);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GlideinJob>> QueryJobsOnAsync(string glideinId, CancellationToken cancellationToken = default) =>
        QueryJobsAsync(new JobQuery { Constraint = GlideinCondorQueries.JobsOn(glideinId), Projection = GlideinCondorQueries.JobProjection }, cancellationToken);

    public Task<IReadOnlyList<GlideinJob>> GetJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default) =>
        jobIds.Count == 0
            ? Task.FromResult<IReadOnlyList<GlideinJob>>([])
            : QueryJobsAsync(new JobQuery { Constraint = GlideinCondorQueries.JobsById(jobIds), Projection = GlideinCondorQueries.JobProjection }, cancellationToken);

    private async Task<IReadOnlyList<GlideinJob>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken)
    {
        var jobs = new List<GlideinJob>();
        await foreach (var ad in pool.QueryJobsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(GlideinCondorQueries.ToJob(ad));
        }

        return jobs;
    }
}
