using System.Runtime.CompilerServices;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

public sealed partial class SimulatedCondorPool
{
    public IAsyncEnumerable<ClassAd> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AsAsync(() => QueryJobs(query), cancellationToken);
    }

    public IAsyncEnumerable<ClassAd> QueryHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AsAsync(() => QueryHistory(query), cancellationToken);
    }

    public IAsyncEnumerable<ClassAd> QueryStatusAsync(StatusQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AsAsync(() => QueryStatus(query), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="query"/> (validation included) on the first MoveNextAsync, like the CLI
    /// adapter, and yields lazily from the snapshot it took.
    /// </summary>
    private static async IAsyncEnumerable<ClassAd> AsAsync(Func<IEnumerable<ClassAd>> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var ad in query())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ad;
        }
    }

    private IEnumerable<ClassAd> QueryJobs(JobQuery query)
    {
        var constraint = CondorConstraint.Prepare(query.Constraint);
        var projection = CondorIdentity.WithIdentity(query.Projection, CondorIdentity.JobAttributes);
        EnsurePool(query.Pool);
        EnsureSchedd(query.Schedd);
        var jobs = Volatile.Read(ref _jobs);
        IEnumerable<SimulatedJob> candidates = (query.Cluster, query.Proc) switch
        {
            (null, null) => jobs.Values,
            ({ } cluster, null) => jobs.Values.Where(job => job.Id.Cluster == cluster),
            ({ } cluster, { } proc) => jobs.TryGetValue(new CondorJobId(cluster, proc), out var job) ? [job] : [],
            (null, not null) => throw new ArgumentException("A proc id needs a cluster id", nameof(query)),
        };
        return Select(candidates.Select(ToClassAd), constraint, projection, query.Limit);
    }

    private IEnumerable<ClassAd> QueryHistory(HistoryQuery query)
    {
        var constraint = CondorConstraint.Prepare(query.Constraint, CondorQueryClauses.History(query));
        var projection = CondorIdentity.WithIdentity(query.Projection, CondorIdentity.JobAttributes);
        EnsurePool(query.Pool);
        EnsureSchedd(query.Schedd);
        if (query.Cluster is null && query.Proc is not null)
        {
            throw new ArgumentException("A proc id needs a cluster id", nameof(query));
        }

        var history = Volatile.Read(ref _history);
        var candidates = NewestFirst(history).Where(job =>
            (query.Cluster is null || job.Id.Cluster == query.Cluster) && (query.Proc is null || job.Id.Proc == query.Proc));
        return Select(candidates.Select(ToClassAd), constraint, projection, query.Limit);
    }

    private IEnumerable<ClassAd> QueryStatus(StatusQuery query)
    {
        var constraint = CondorConstraint.Prepare(query.Constraint, CondorQueryClauses.Status(query));
        var projection = CondorIdentity.WithIdentity(query.Projection, CondorIdentity.StatusAttributes);
        EnsurePool(query.Pool);
        var myType = MyTypeOf(query.AdType);
        var ads = Volatile.Read(ref _ads).Values.Select(ad => ad.Clone());
        if (query.AdType is StatusAdType.Submitter or StatusAdType.Any)
        {
            ads = ads.Concat(SubmitterAds());
        }

        var ofType = myType is null
            ? ads
            : ads.Where(ad => ad.Evaluate("MyType").TryGetString(out var type) && type.Equals(myType, StringComparison.OrdinalIgnoreCase));
        return Select(ofType, constraint, projection, query.Limit);
    }

    private static IEnumerable<ClassAd> Select(IEnumerable<ClassAd> ads, CondorConstraint constraint, IReadOnlyList<string>? projection, int? limit)
    {
        if (constraint.SelectsNothing || limit <= 0)
        {
            yield break;
        }

        var count = 0;
        foreach (var ad in ads)
        {
            if (!constraint.Matches(ad))
            {
                continue;
            }

            yield return projection is null ? ad : ad.Project(projection);
            if (++count == limit)
            {
                yield break;
            }
        }
    }

    private static IEnumerable<SimulatedJob> NewestFirst(System.Collections.Immutable.ImmutableList<SimulatedJob> history)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            yield return history[i];
        }
    }

    private ClassAd ToClassAd(SimulatedJob job) => job.ToClassAd(_options.HostName, _options.Domain);

    internal static string? MyTypeOf(StatusAdType type) => type switch
    {
        StatusAdType.Startd => "Machine",
        StatusAdType.Schedd => "Scheduler",
        StatusAdType.Master => "DaemonMaster",
        StatusAdType.Collector => "Collector",
        StatusAdType.Negotiator => "Negotiator",
        StatusAdType.Submitter => "Submitter",
        StatusAdType.Any => null,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ad type"),
    };
}
