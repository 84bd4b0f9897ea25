using System.Collections.Immutable;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

/// <summary>
/// An in-process HTCondor pool behind <see cref="ICondorGateway"/>: a collector's ads, one
/// schedd's queue and history, and a configuration, answered with the ClassAd evaluator under
/// the same rules as the command-line adapter (exactly-true constraints, identity attributes in
/// projections, the same typed errors). It backs tests, demos and <c>backend = simulated</c>, and
/// has the mutation methods tests, the write API and glideins need.
/// <para>
/// Thread-safe: writers replace immutable snapshots under one lock; queries enumerate the
/// snapshot taken when they start, lazily, building each job's ad only when it is reached.
/// </para>
/// </summary>
public sealed partial class SimulatedCondorPool : ICondorGateway
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatedPoolOptions _options;

    private ImmutableSortedDictionary<CondorJobId, SimulatedJob> _jobs = ImmutableSortedDictionary<CondorJobId, SimulatedJob>.Empty;
    private ImmutableList<SimulatedJob> _history = [];
    private ImmutableSortedDictionary<string, ClassAd> _ads = ImmutableSortedDictionary.Create<string, ClassAd>(StringComparer.Ordinal);
    private ImmutableDictionary<string, string> _config = ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);
    private int _nextCluster = 1;

    public SimulatedCondorPool(SimulatedPoolOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new SimulatedPoolOptions();
        _time = timeProvider ?? TimeProvider.System;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Slots);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.SeedJobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SeedJobsPerCluster, 1);
        if (_options.Empty)
        {
            return;
        }

        AdvertiseDaemons();
        _config = _config.SetItems(SimulatedConfig.Defaults(_options));
        if (_options.SeedJobs > 0)
        {
            SeedJobs(_options.SeedJobs);
        }
    }

    public CondorBackendKind Backend => CondorBackendKind.Simulated;

    /// <summary>The host every simulated daemon runs on (the schedd's name).</summary>
    public string HostName => _options.HostName;

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    private void AdvertiseDaemons()
    {
        var host = _options.HostName;
        Advertise(SimulatedAdTemplates.Master(host));
        Advertise(SimulatedAdTemplates.Collector(host));
        Advertise(SimulatedAdTemplates.Negotiator(host));
        Advertise(SimulatedAdTemplates.Schedd(host));
        for (var slot = 1; slot <= _options.Slots; slot++)
        {
            Advertise(SimulatedAdTemplates.Slot($"slot{slot}@{host}", host, slot, _options.Slots));
        }
    }

    private void EnsurePool(string? pool)
    {
        if (pool is not null
            && !pool.Equals(_options.CollectorHost, StringComparison.OrdinalIgnoreCase)
            && !pool.Equals(_options.HostName, StringComparison.OrdinalIgnoreCase))
        {
            // What condor_status -pool 127.0.0.1:1 reports: nobody answers at that address.
            throw new CondorUnreachableException($"HTCondor is unreachable: Couldn't contact the condor_collector on {pool}");
        }
    }

    private void EnsureSchedd(string? schedd)
    {
        if (schedd is not null && FindAd("Scheduler", schedd) is null)
        {
            throw new CondorNotFoundException("Not found: Error: Collector has no record of schedd/submitter", schedd);
        }
    }

    private static string AdKey(string myType, string name) => $"{myType.ToLowerInvariant()}\n{name}";

    private ClassAd? FindAd(string myType, string name)
    {
        var ads = Volatile.Read(ref _ads);
        if (ads.TryGetValue(AdKey(myType, name), out var exact))
        {
            return exact;
        }

        // Daemon names are matched without case, as the collector does.
        var prefix = myType.ToLowerInvariant() + "\n";
        return ads.FirstOrDefault(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)
            && pair.Key[prefix.Length..].Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
