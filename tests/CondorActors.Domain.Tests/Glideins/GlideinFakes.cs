using System.Collections.Concurrent;
using System.Collections.Immutable;
using CondorActors.Domain.Batch;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>A batch system whose jobs change state only when the test says; counts every command.</summary>
internal sealed class FakeBatchSystem(TimeProvider time) : IBatchSystem
{
    private readonly ConcurrentDictionary<string, BatchJobStatus> _jobs = new(StringComparer.Ordinal);
    private int _next;
    private int _submits;
    private int _statusCalls;
    private int _cancels;

    public string Kind => "fake";

    public BatchJobState NewJobState { get; set; } = BatchJobState.Pending;

    public bool Unavailable { get; set; }

    public int Submits => Volatile.Read(ref _submits);

    public int StatusCalls => Volatile.Read(ref _statusCalls);

    public int Cancels => Volatile.Read(ref _cancels);

    public ConcurrentQueue<BatchJobRequest> Requests { get; } = new();

    public IReadOnlyCollection<string> JobIds => [.. _jobs.Keys];

    public Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _submits);
        Requests.Enqueue(request);
        var id = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _jobs[id] = new BatchJobStatus(id, NewJobState, NewJobState.ToString()) { Name = "tag-" + request.Name };
        return Task.FromResult(id);
    }

    public Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statusCalls);
        if (Unavailable)
        {
            throw new BatchSystemUnavailableException("fake batch system down");
        }

        var jobs = _jobs.ToImmutableDictionary(StringComparer.Ordinal);
        foreach (var id in expectedJobIds ?? [])
        {
            if (!jobs.ContainsKey(id))
            {
                jobs = jobs.SetItem(id, new BatchJobStatus(id, BatchJobState.Vanished, string.Empty));
            }
        }

        return Task.FromResult(new BatchStatusSnapshot(time.GetUtcNow(), jobs));
    }

    public Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _cancels);
        if (_jobs.TryGetValue(jobId, out var job) && !job.IsFinal)
        {
            _jobs[jobId] = job with { State = BatchJobState.Cancelled, RawState = "CANCELLED" };
        }

        return Task.CompletedTask;
    }

    public void Set(string jobId, BatchJobState state) => _jobs[jobId] = _jobs[jobId] with { State = state, RawState = state.ToString() };

    public void SetAll(BatchJobState state)
    {
        foreach (var id in _jobs.Keys)
        {
            Set(id, state);
        }
    }
}

/// <summary>Simulated-pool glidein operations that count each call and can fail on demand.</summary>
internal sealed class CountingCondorOps(SimulatedGlideinCondorOps inner) : IGlideinCondorOps
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>GetJobs (the vacate verification) throws this many more times.</summary>
    public int FailGetJobs;

    /// <summary>This many more vacates are lost (the tool ran, the jobs stay Running), as when a schedd drops the request.</summary>
    public int DropVacates;

    public bool CollectorDown { get; set; }

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public int TotalCalls => _calls.Values.Sum();

    public Task InvalidateStartdAdsAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        Count(nameof(InvalidateStartdAdsAsync));
        return inner.InvalidateStartdAdsAsync(glideinId, cancellationToken);
    }

    public Task<IReadOnlyList<ClassAd>> QueryGlideinAdsAsync(string site, string? glideinId = null, CancellationToken cancellationToken = default)
    {
        Count(glideinId is null ? "QuerySiteAds" : "QueryGlideinAds");
        return CollectorDown ? throw new CondorUnreachableException("collector down") : inner.QueryGlideinAdsAsync(site, glideinId, cancellationToken);
    }

    public Task VacateJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        Count(nameof(VacateJobsAsync));
        return Interlocked.Decrement(ref DropVacates) >= 0 ? Task.CompletedTask : inner.VacateJobsAsync(jobIds, cancellationToken);
    }

    public Task<IReadOnlyList<GlideinJob>> QueryJobsOnAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        Count(nameof(QueryJobsOnAsync));
        return inner.QueryJobsOnAsync(glideinId, cancellationToken);
    }

    public Task<IReadOnlyList<GlideinJob>> GetJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        Count(nameof(GetJobsAsync));
        if (Interlocked.Decrement(ref FailGetJobs) >= 0)
        {
            throw new CondorUnreachableException("schedd busy");
        }

        return inner.GetJobsAsync(jobIds, cancellationToken);
    }

    public void Reset() => _calls.Clear();

    private void Count(string method) => _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
}

/// <summary>The simulated bridge half, counting starts and stops.</summary>
internal sealed class CountingBridge(SimulatedBridgeHalf inner) : IBridgeHalf
{
    private int _starts;
    private int _stops;

    public SimulatedBridgeHalf Inner => inner;

    public int Starts => Volatile.Read(ref _starts);

    public int Stops => Volatile.Read(ref _stops);

    public Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _starts);
        return inner.StartAsync(request, cancellationToken);
    }

    public Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default) =>
        inner.SetWillingAsync(glideinId, willing, cancellationToken);

    public bool IsAlive(string glideinId, BridgeHandle handle) => inner.IsAlive(glideinId, handle);

    public Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _stops);
        return inner.StopAsync(glideinId, handle, cancellationToken);
    }
}

internal sealed class CountingOrphanKiller : IOrphanKiller
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<int> KillOrphansAsync(string executeDirectory, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(0);
    }
}
