using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

public sealed partial class SimulatedCondorPool
{
    /// <summary>
    /// Puts an ad in the collector (a copy), replacing any ad with the same MyType and Name, as
    /// a daemon restarted under the same name overwrites its stale ads.
    /// </summary>
    public void Advertise(ClassAd ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var (myType, name) = Identity(ad);
        var copy = ad.Clone();
        lock (_gate)
        {
            Volatile.Write(ref _ads, _ads.SetItem(AdKey(myType, name), copy));
        }
    }

    /// <summary>
    /// Advertises a static slot built from the recorded slot ad (Unclaimed/Idle), after
    /// <paramref name="customize"/> (for example a GlideinId, or START = false) ran on it.
    /// </summary>
    public ClassAd AdvertiseSlot(string name, string machine, Action<ClassAd>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(machine);
        var ad = SimulatedAdTemplates.Slot(name, machine, slotId: 1, totalSlots: 1);
        customize?.Invoke(ad);
        Advertise(ad);
        return ad;
    }

    /// <summary>A copy of the advertised ad of that MyType and Name (names without case), or null.</summary>
    public ClassAd? GetAd(string myType, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(myType);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return FindAd(myType, name)?.Clone();
    }

    /// <summary>Changes an advertised ad (copy-on-write: running queries keep the old one). False when there is no such ad.</summary>
    public bool UpdateAd(string myType, string name, Action<ClassAd> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var key = AdKey(myType, name);
            if (!_ads.TryGetValue(key, out var current))
            {
                return false;
            }

            var copy = current.Clone();
            update(copy);
            Volatile.Write(ref _ads, _ads.SetItem(key, copy));
            return true;
        }
    }

    /// <summary>Removes one ad; false when there was none.</summary>
    public bool Invalidate(string myType, string name)
    {
        lock (_gate)
        {
            var key = AdKey(myType, name);
            var before = _ads;
            Volatile.Write(ref _ads, _ads.Remove(key));
            return !ReferenceEquals(before, _ads);
        }
    }

    /// <summary>
    /// Mimics <c>condor_advertise INVALIDATE_STARTD_ADS</c>: removes every Machine ad that the
    /// query ad's Requirements accepts (evaluated with the query as MY and the slot as TARGET, as
    /// the collector does). Returns how many went; the real tool does not say ("Sent 1 of 1 ad"
    /// even when nothing matched), so callers of the real one must query afterwards.
    /// </summary>
    public int InvalidateStartdAds(ClassAd queryAd)
    {
        ArgumentNullException.ThrowIfNull(queryAd);
        lock (_gate)
        {
            var doomed = _ads
                .Where(pair => IsMachine(pair.Value) && ClassAdMatch.Accepts(queryAd, pair.Value))
                .Select(pair => pair.Key)
                .ToList();
            Volatile.Write(ref _ads, _ads.RemoveRange(doomed));
            return doomed.Count;
        }
    }

    /// <summary>
    /// <see cref="InvalidateStartdAds(ClassAd)"/> with a query ad <c>[ MyType = "Query"; TargetType = "Machine";
    /// Requirements = REQUIREMENTS ]</c>, for example <c>regexp("@glidein1@", Name)</c>.
    /// </summary>
    /// <exception cref="CondorConstraintException">The requirements do not parse.</exception>
    public int InvalidateStartdAds(string requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        if (!ClassAdExpression.TryParse(requirements, out var expr, out var error))
        {
            throw new CondorConstraintException($"Invalid requirements: {error}", requirements, error.Offset);
        }

        var query = new ClassAd();
        query.Set("MyType", ClassAdValue.FromString("Query"));
        query.Set("TargetType", ClassAdValue.FromString("Machine"));
        query.Set(ClassAdMatch.RequirementsAttribute, expr);
        return InvalidateStartdAds(query);
    }

    private static bool IsMachine(ClassAd ad) =>
        ad.Evaluate("MyType").TryGetString(out var type) && type.Equals("Machine", StringComparison.OrdinalIgnoreCase);

    private static (string MyType, string Name) Identity(ClassAd ad)
    {
        if (!ad.Evaluate("MyType").TryGetString(out var myType) || !ad.Evaluate("Name").TryGetString(out var name))
        {
            throw new ArgumentException("An advertised ad needs string MyType and Name attributes", nameof(ad));
        }

        return (myType, name);
    }

    /// <summary>
    /// Submitter ads as the schedd advertises them: one per owner with its running, idle and held
    /// counts, computed from the queue when asked for.
    /// </summary>
    private IEnumerable<ClassAd> SubmitterAds()
    {
        var jobs = Volatile.Read(ref _jobs);
        foreach (var owner in jobs.Values.GroupBy(job => job.Owner, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var ad = new ClassAd();
            ad.Set("MyType", ClassAdValue.FromString("Submitter"));
            ad.Set("TargetType", ClassAdValue.FromString(string.Empty));
            ad.Set("Name", ClassAdValue.FromString($"{owner.Key}@{_options.Domain}"));
            ad.Set("Machine", ClassAdValue.FromString(_options.HostName));
            ad.Set("ScheddName", ClassAdValue.FromString(_options.HostName));
            ad.Set("RunningJobs", ClassAdValue.FromInteger(owner.Count(job => job.Status == CondorJobStatus.Running)));
            ad.Set("IdleJobs", ClassAdValue.FromInteger(owner.Count(job => job.Status == CondorJobStatus.Idle)));
            ad.Set("HeldJobs", ClassAdValue.FromInteger(owner.Count(job => job.Status == CondorJobStatus.Held)));
            yield return ad;
        }
    }
}
