namespace CondorActors.Domain.Batch;

/// <summary>
/// An adapter's memory of the jobs it submitted or saw, so a job that drops out of the queue
/// listing is looked up (and reported Vanished if nothing knows it) rather than silently lost.
/// Memory is an optimisation only: callers pass the ids they persisted, and the tag finds the rest.
/// </summary>
internal sealed class KnownJobs
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BatchJobStatus?> _jobs = new(StringComparer.Ordinal);

    public void Add(string jobId)
    {
        lock (_gate)
        {
            _jobs.TryAdd(jobId, null);
        }
    }

    /// <summary>
    /// Records what the listing showed and returns the known or expected jobs it did not show:
    /// those whose final state was seen earlier come back as <paramref name="remembered"/>, the
    /// others need a follow-up.
    /// </summary>
    public IReadOnlyList<string> Reconcile(
        IReadOnlyDictionary<string, BatchJobStatus> listed,
        IReadOnlyCollection<string>? expected,
        out IReadOnlyList<BatchJobStatus> remembered)
    {
        var missing = new List<string>();
        var fromMemory = new List<BatchJobStatus>();
        lock (_gate)
        {
            foreach (var (id, status) in listed)
            {
                _jobs[id] = status;
            }

            var candidates = new HashSet<string>(_jobs.Keys, StringComparer.Ordinal);
            if (expected is not null)
            {
                candidates.UnionWith(expected);
            }

            foreach (var id in candidates.Where(id => !listed.ContainsKey(id)).Order(StringComparer.Ordinal))
            {
                if (_jobs.GetValueOrDefault(id) is { IsFinal: true } last)
                {
                    fromMemory.Add(last with { Source = BatchStatusSource.Remembered });
                    _jobs.Remove(id);
                }
                else
                {
                    missing.Add(id);
                }
            }
        }

        remembered = fromMemory;
        return missing;
    }

    /// <summary>Forgets jobs whose end was reported from a follow-up: the caller has been told.</summary>
    public void Settle(IEnumerable<BatchJobStatus> resolved)
    {
        lock (_gate)
        {
            foreach (var status in resolved.Where(s => s.IsFinal))
            {
                _jobs.Remove(status.JobId);
            }
        }
    }

    /// <summary>Jobs not yet seen in a final state: the ones a poll by id list must ask about.</summary>
    public IReadOnlyList<string> ActiveIds()
    {
        lock (_gate)
        {
            return [.. _jobs.Where(p => p.Value is not { IsFinal: true }).Select(p => p.Key)];
        }
    }

    public void Forget(string jobId)
    {
        lock (_gate)
        {
            _jobs.Remove(jobId);
        }
    }
}
