using System.Diagnostics;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// The pool side of the glidein operations over <see cref="GlideinPopulation"/>: every query
/// answers with condor_status / condor_q JSON text that is parsed with <see cref="ClassAdJson"/>
/// like the command-line backend's output, so parsing is part of the measured cost. Records
/// when each glidein's job was vacated (Idle in the schedd) and when that was confirmed.
/// </summary>
internal sealed class BenchCondorOps(GlideinPopulation population) : IGlideinCondorOps
{
    private readonly long[] _vacatedAt = new long[population.Count];
    private readonly long[] _confirmedAt = new long[population.Count];

    /// <summary>Simulated duration of every command (0: answers at once).</summary>
    public TimeSpan CommandLatency { get; init; }

    public long VacatedAt(int index) => Volatile.Read(ref _vacatedAt[index]);

    public long ConfirmedAt(int index) => Volatile.Read(ref _confirmedAt[index]);

    public async Task InvalidateStartdAdsAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        await LatencyAsync(cancellationToken).ConfigureAwait(false);
        population.Invalidate(population.IndexOf(glideinId));
    }

    public async Task<IReadOnlyList<ClassAd>> QueryGlideinAdsAsync(string site, string? glideinId = null, CancellationToken cancellationToken = default)
    {
        await LatencyAsync(cancellationToken).ConfigureAwait(false);
        var text = glideinId is null ? population.SiteStatus() : population.GlideinStatus(population.IndexOf(glideinId));
        return text.Length == 0 ? [] : ClassAdJson.ParseAds(text);
    }

    public async Task VacateJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        await LatencyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in jobIds)
        {
            var index = id.Cluster - 1000;
            if (population.Vacate(index))
            {
                Volatile.Write(ref _vacatedAt[index], Stopwatch.GetTimestamp());
            }
        }
    }

    public async Task<IReadOnlyList<GlideinJob>> QueryJobsOnAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        await LatencyAsync(cancellationToken).ConfigureAwait(false);
        return Parse(population.Jobs([population.IndexOf(glideinId)], onlyRunning: true));
    }

    public async Task<IReadOnlyList<GlideinJob>> GetJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        await LatencyAsync(cancellationToken).ConfigureAwait(false);
        var jobs = Parse(population.Jobs(jobIds.Select(j => j.Cluster - 1000), onlyRunning: false));
        if (jobs.All(j => j.IsReleased))
        {
            foreach (var job in jobs)
            {
                Volatile.Write(ref _confirmedAt[job.Id.Cluster - 1000], Stopwatch.GetTimestamp());
            }
        }

        return jobs;
    }

    private static List<GlideinJob> Parse(string text) =>
        text.Length == 0 ? [] : [.. ClassAdJson.ParseAds(text).Select(GlideinCondorQueries.ToJob)];

    private Task LatencyAsync(CancellationToken cancellationToken) =>
        CommandLatency > TimeSpan.Zero ? Task.Delay(CommandLatency, cancellationToken) : Task.CompletedTask;
}
