using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Simulated;

public sealed partial class SimulatedCondorPool
{
    /// <summary>Jobs in the queue.</summary>
    public int JobCount => Volatile.Read(ref _jobs).Count;

    /// <summary>Jobs in the history.</summary>
    public int HistoryCount => Volatile.Read(ref _history).Count;

    /// <summary>
    /// Queues <paramref name="count"/> idle jobs as one new cluster (procs 0..count-1), like
    /// <c>condor_submit</c>: QDate and EnteredCurrentStatus now, JobStatus 1, the given Owner.
    /// <paramref name="attributes"/> (optional) are set on every job over the recorded template.
    /// </summary>
    public IReadOnlyList<CondorJobId> SubmitJobs(int count, string owner, ClassAd? attributes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        // One copy per cluster: the shared template is never changed.
        var template = SimulatedAdTemplates.Job.Clone();
        if (attributes is not null)
        {
            foreach (var (name, expr) in attributes)
            {
                template.Set(name, expr);
            }
        }

        template.Set("TotalSubmitProcs", ClassAdValue.FromInteger(count));
        var now = Now;
        var ids = new CondorJobId[count];
        lock (_gate)
        {
            var cluster = _nextCluster++;
            var builder = _jobs.ToBuilder();
            for (var proc = 0; proc < count; proc++)
            {
                ids[proc] = new CondorJobId(cluster, proc);
                builder[ids[proc]] = new SimulatedJob(ids[proc], template, Imported: false, owner, CondorJobStatus.Idle, now, now);
            }

            Volatile.Write(ref _jobs, builder.ToImmutable());
        }

        return ids;
    }

    /// <summary>Puts a recorded job ad (condor_q -json) in the queue as it is, keeping its ids.</summary>
    public CondorJobId ImportJob(ClassAd ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var job = SimulatedJob.FromRecordedAd(ad);
        lock (_gate)
        {
            Volatile.Write(ref _jobs, _jobs.SetItem(job.Id, job));
            _nextCluster = Math.Max(_nextCluster, job.Id.Cluster + 1);
        }

        return job.Id;
    }

    /// <summary>Appends a recorded history ad (condor_history -json); import oldest first, as the history file grows.</summary>
    public CondorJobId ImportHistory(ClassAd ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var job = SimulatedJob.FromRecordedAd(ad);
        lock (_gate)
        {
            Volatile.Write(ref _history, _history.Add(job));
            _nextCluster = Math.Max(_nextCluster, job.Id.Cluster + 1);
        }

        return job.Id;
    }

    /// <summary>The job's current ad, or null when it is not in the queue.</summary>
    public ClassAd? GetJob(CondorJobId id) =>
        Volatile.Read(ref _jobs).TryGetValue(id, out var job) ? ToClassAd(job) : null;

    /// <summary>
    /// Changes a queued job's status as the schedd would: Running gets a RemoteHost (default
    /// <c>slot1@HOST</c>), Held a HoldReason, Completed a CompletionDate and ExitCode 0; every change
    /// sets EnteredCurrentStatus and LastJobStatus; a job leaving its RemoteHost frees that slot's
    /// claim. False when the job is not in the queue.
    /// Removed and Completed jobs stay queued until <see cref="ArchiveFinishedJobs"/>.
    /// </summary>
    public bool SetJobStatus(CondorJobId id, CondorJobStatus status, string? remoteHost = null, string? holdReason = null)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job))
            {
                return false;
            }

            var now = Now;
            var updated = job with
            {
                Status = status,
                LastStatus = job.Status,
                EnteredCurrentStatus = now,
                RemoteHost = status == CondorJobStatus.Running ? remoteHost ?? $"slot1@{_options.HostName}" : null,
                HoldReason = status == CondorJobStatus.Held ? holdReason ?? $"via condor_hold (by user {job.Owner})" : null,
                CompletionDate = status == CondorJobStatus.Completed ? now : job.CompletionDate,
                ExitCode = status == CondorJobStatus.Completed ? 0 : job.ExitCode,
            };
            Volatile.Write(ref _jobs, _jobs.SetItem(id, updated));
            if (job.RemoteHost != updated.RemoteHost)
            {
                ReleaseSlot(job.RemoteHost);
            }

            return true;
        }
    }

    /// <summary>Moves Removed and Completed jobs from the queue to the history (what the schedd does once they are done); returns how many.</summary>
    public int ArchiveFinishedJobs()
    {
        lock (_gate)
        {
            var finished = _jobs.Values
                .Where(job => job.Status is CondorJobStatus.Removed or CondorJobStatus.Completed)
                .OrderBy(job => job.EnteredCurrentStatus)
                .ThenBy(job => job.Id)
                .ToList();
            if (finished.Count > 0)
            {
                Volatile.Write(ref _jobs, _jobs.RemoveRange(finished.Select(job => job.Id)));
                Volatile.Write(ref _history, _history.AddRange(finished));
            }

            return finished.Count;
        }
    }

    /// <summary>
    /// Seeds <paramref name="count"/> jobs in clusters of <see cref="SimulatedPoolOptions.SeedJobsPerCluster"/>,
    /// deterministically 30% running (spread over the slots), 10% held, the rest idle.
    /// </summary>
    private void SeedJobs(int count)
    {
        var template = SimulatedAdTemplates.Job;
        var now = Now;
        var owner = _options.SeedOwner;
        var perCluster = _options.SeedJobsPerCluster;
        lock (_gate)
        {
            var builder = _jobs.ToBuilder();
            for (var i = 0; i < count; i++)
            {
                var id = new CondorJobId(_nextCluster + (i / perCluster), i % perCluster);
                var job = new SimulatedJob(id, template, Imported: false, owner, CondorJobStatus.Idle, now, now);
                builder[id] = (i % 10) switch
                {
                    < 3 when _options.Slots > 0 => job with
                    {
                        Status = CondorJobStatus.Running,
                        LastStatus = CondorJobStatus.Idle,
                        RemoteHost = $"slot{(i % _options.Slots) + 1}@{_options.HostName}",
                    },
                    9 => job with
                    {
                        Status = CondorJobStatus.Held,
                        LastStatus = CondorJobStatus.Idle,
                        HoldReason = $"via condor_hold (by user {owner})",
                    },
                    _ => job,
                };
            }

            _nextCluster += (count + perCluster - 1) / perCluster;
            Volatile.Write(ref _jobs, builder.ToImmutable());
        }
    }
}
