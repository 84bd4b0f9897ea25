using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

public sealed partial class SimulatedCondorPool
{
    /// <summary>
    /// One cycle of a minimal simulated negotiator (no real negotiator, schedd or starter is
    /// involved): Idle jobs, in job-id order, each take the first free slot (in name order) that
    /// they and it accept, one job per slot. A slot is free when it is Unclaimed, its
    /// <c>Start</c> evaluates true (a glidein's slots are False until the controller makes them
    /// willing) and no Running job names it as its RemoteHost. Acceptance is the symmetric
    /// match of both ads' <c>Requirements</c> (<see cref="ClassAdMatch.Symmetric"/>); there is
    /// no Rank, fair share, user priority or preemption. The slot turns Claimed/Busy and the job
    /// Running with the slot as its RemoteHost; a job leaving Running frees its slot again
    /// (<see cref="ReleaseSlot"/>). Atomic with every other change of the pool.
    /// </summary>
    /// <remarks>Costs one evaluation per idle job and free slot until the slots run out; meant for demos and tests, not 100,000 idle jobs.</remarks>
    public IReadOnlyList<SimulatedMatch> Negotiate()
    {
        lock (_gate)
        {
            var taken = _jobs.Values
                .Where(job => job.Status == CondorJobStatus.Running && job.RemoteHost is not null)
                .Select(job => job.RemoteHost!)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var free = _ads
                .Where(pair => IsFreeSlot(pair.Value, taken))
                .ToList();
            if (free.Count == 0)
            {
                return [];
            }

            var matches = new List<SimulatedMatch>();
            var now = Now;
            var jobs = _jobs;
            var ads = _ads;
            foreach (var job in _jobs.Values.Where(job => job.Status == CondorJobStatus.Idle))
            {
                if (free.Count == 0)
                {
                    break;
                }

                var jobAd = ToClassAd(job);
                var index = free.FindIndex(slot => ClassAdMatch.Symmetric(jobAd, slot.Value));
                if (index < 0)
                {
                    continue;
                }

                var (key, slotAd) = free[index];
                free.RemoveAt(index);
                var name = slotAd.Evaluate("Name").TryGetString(out var slotName) ? slotName : key;
                var claimed = slotAd.Clone();
                claimed.Set("State", ClassAdValue.FromString("Claimed"));
                claimed.Set("Activity", ClassAdValue.FromString("Busy"));
                claimed.Set("EnteredCurrentState", ClassAdValue.FromInteger(now));
                claimed.Set("RemoteUser", ClassAdValue.FromString($"{job.Owner}@{_options.Domain}"));
                claimed.Set("JobId", ClassAdValue.FromString(job.Id.ToString()));
                ads = ads.SetItem(key, claimed);
                jobs = jobs.SetItem(job.Id, job with
                {
                    Status = CondorJobStatus.Running,
                    LastStatus = job.Status,
                    EnteredCurrentStatus = now,
                    RemoteHost = name,
                });
                matches.Add(new SimulatedMatch(job.Id, name));
            }

            Volatile.Write(ref _ads, ads);
            Volatile.Write(ref _jobs, jobs);
            return matches;
        }
    }

    private static bool IsFreeSlot(ClassAd ad, HashSet<string> taken) =>
        IsMachine(ad)
        && ad.Evaluate("State").TryGetString(out var state) && state == "Unclaimed"
        && ad.Evaluate("Start").IsTrue
        && ad.Evaluate("Name").TryGetString(out var name) && !taken.Contains(name);

    /// <summary>
    /// The claim of the slot a job ran on ends (the job finished, was vacated, held or removed):
    /// the slot, if still advertised and Claimed, turns Unclaimed/Idle. Call under the lock.
    /// </summary>
    private void ReleaseSlot(string? remoteHost)
    {
        if (remoteHost is null)
        {
            return;
        }

        var key = AdKey("Machine", remoteHost);
        if (!_ads.TryGetValue(key, out var slot) || !slot.Evaluate("State").TryGetString(out var state) || state != "Claimed")
        {
            return;
        }

        var released = slot.Clone();
        released.Set("State", ClassAdValue.FromString("Unclaimed"));
        released.Set("Activity", ClassAdValue.FromString("Idle"));
        released.Set("EnteredCurrentState", ClassAdValue.FromInteger(Now));
        released.Remove("RemoteUser");
        released.Remove("JobId");
        Volatile.Write(ref _ads, _ads.SetItem(key, released));
    }
}
