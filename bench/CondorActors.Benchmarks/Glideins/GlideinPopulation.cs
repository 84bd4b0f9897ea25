using System.Globalization;
using System.Text;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Domain.Condor;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// The outside world of <see cref="Count"/> split glideins of one site, one slot and one running
/// job each, as the real tools print it: the <c>squeue -O</c> answer (fields of
/// <see cref="SqueueOutput"/>, unit-separator suffixes) and the <c>condor_status -json</c> /
/// <c>condor_q -json</c> answers with the projections the glidein code asks for. The texts are
/// rendered once per change, outside the controller's measured work.
/// </summary>
internal sealed class GlideinPopulation
{
    public const string Site = "bench";
    public const string Host = "bridge.example";
    private readonly Lock _gate = new();
    private readonly bool[] _batchEnded;
    private readonly bool[] _adsPresent;
    private readonly bool[] _jobRunning;
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private string? _squeue;
    private string? _status;

    public GlideinPopulation(int count)
    {
        Count = count;
        Ids = new string[count];
        JobIds = new string[count];
        _batchEnded = new bool[count];
        _adsPresent = new bool[count];
        _jobRunning = new bool[count];
        for (var i = 0; i < count; i++)
        {
            Ids[i] = string.Create(CultureInfo.InvariantCulture, $"g20260101000000-{i:x8}");
            JobIds[i] = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
            _indexById[Ids[i]] = i;
            _adsPresent[i] = true;
            _jobRunning[i] = true;
        }
    }

    public int Count { get; }

    public string[] Ids { get; }

    public string[] JobIds { get; }

    public int IndexOf(string glideinId) => _indexById[glideinId];

    /// <summary>Job <c>{1000 + i}.0</c> runs on glidein i.</summary>
    public static CondorJobId JobOf(int index) => new(1000 + index, 0);

    public static string SlotName(string glideinId) => $"slot1@glidein_{glideinId}_0@{Host}";

    public bool AdsPresent(int index)
    {
        lock (_gate)
        {
            return _adsPresent[index];
        }
    }

    /// <summary>The HPC halves of these glideins die: their batch jobs end (squeue shows them FAILED, signal 9).</summary>
    public void EndBatchJobs(IEnumerable<int> indexes)
    {
        lock (_gate)
        {
            foreach (var i in indexes)
            {
                _batchEnded[i] = true;
            }

            _squeue = null;
        }
    }

    public void Invalidate(int index)
    {
        lock (_gate)
        {
            if (_adsPresent[index])
            {
                _adsPresent[index] = false;
                _status = null;
            }
        }
    }

    /// <summary>condor_vacate_job: back to Idle without RemoteHost; false when it was not running.</summary>
    public bool Vacate(int index)
    {
        lock (_gate)
        {
            var was = _jobRunning[index];
            _jobRunning[index] = false;
            return was;
        }
    }

    public string Squeue()
    {
        lock (_gate)
        {
            return _squeue ??= RenderSqueue();
        }
    }

    public string SiteStatus()
    {
        lock (_gate)
        {
            return _status ??= RenderStatus(Enumerable.Range(0, Count), Count);
        }
    }

    public string GlideinStatus(int index)
    {
        lock (_gate)
        {
            return RenderStatus([index], 1);
        }
    }

    /// <summary>condor_q -json -attributes ClusterId,ProcId,JobStatus,RemoteHost of the jobs on these glideins.</summary>
    public string Jobs(IEnumerable<int> indexes, bool onlyRunning)
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            foreach (var i in indexes)
            {
                if (onlyRunning && !_jobRunning[i])
                {
                    continue;
                }

                var job = JobOf(i);
                text.Append(text.Length == 0 ? "[\n" : ",\n")
                    .Append(CultureInfo.InvariantCulture, $"{{\n  \"ClusterId\": {job.Cluster},\n  \"JobStatus\": {(_jobRunning[i] ? 2 : 1)},\n  \"ProcId\": {job.Proc}");
                if (_jobRunning[i])
                {
                    text.Append(",\n  \"RemoteHost\": \"").Append(SlotName(Ids[i])).Append('"');
                }

                text.Append("\n}\n");
            }

            return text.Length == 0 ? string.Empty : text.Append("]\n").ToString();
        }
    }

    private string RenderSqueue()
    {
        const char s = SqueueOutput.Separator;
        var text = new StringBuilder(Count * 130);
        for (var i = 0; i < Count; i++)
        {
            var (state, reason, exit, end) = _batchEnded[i]
                ? ("FAILED", "NonZeroExitCode", "9", "2026-01-01T01:00:00")
                : ("RUNNING", "None", "0", "2026-01-02T00:00:00");
            text.Append(JobIds[i]).Append(s)
                .Append(Site).Append('-').Append(Ids[i]).Append(s)
                .Append(state).Append(s)
                .Append(reason).Append(s)
                .Append(exit).Append(s)
                .Append("condoractors:").Append(Site).Append(s)
                .Append(CultureInfo.InvariantCulture, $"nid{i:00000}").Append(s)
                .Append("2026-01-01T00:00:00").Append(s)
                .Append(end).Append(s)
                .Append('\n');
        }

        return text.ToString();
    }

    private string RenderStatus(IEnumerable<int> indexes, int capacity)
    {
        var text = new StringBuilder(capacity * 200);
        foreach (var i in indexes)
        {
            if (!_adsPresent[i])
            {
                continue;
            }

            text.Append(text.Length == 0 ? "[\n" : ",\n")
                .Append("{\n  \"Activity\": \"Busy\",\n  \"GlideinId\": \"").Append(Ids[i])
                .Append("\",\n  \"GlideinSite\": \"").Append(Site)
                .Append("\",\n  \"Name\": \"").Append(SlotName(Ids[i]))
                .Append("\",\n  \"State\": \"Claimed\"\n}\n");
        }

        // condor_status prints nothing at all when no ad matches.
        return text.Length == 0 ? string.Empty : text.Append("]\n").ToString();
    }
}
