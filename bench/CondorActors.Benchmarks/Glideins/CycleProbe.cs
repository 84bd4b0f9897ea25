using System.Diagnostics;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// Measures one poll cycle: it starts when the site runs squeue (the first thing a poll does)
/// and ends when the expected number of glidein actors have looked at their observation (each
/// live split glidein asks its bridge half whether it is alive, once per observation).
/// </summary>
internal sealed class CycleProbe
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<CycleSample>? _waiting;
    private int _expected;
    private bool _started;
    private int _seen;
    private long _startTicks;
    private TimeSpan _startCpu;
    private int _startGen0;
    private int _startGen2;

    private readonly List<long> _pollStarts = [];

    /// <summary>Measures the next full cycle with <paramref name="expected"/> observations.</summary>
    public Task<CycleSample> NextCycleAsync(int expected)
    {
        lock (_gate)
        {
            _waiting = new TaskCompletionSource<CycleSample>(TaskCreationOptions.RunContinuationsAsynchronously);
            _expected = expected;
            _started = false;
            return _waiting.Task;
        }
    }

    /// <summary>When the first poll after <paramref name="timestamp"/> started (its squeue call).</summary>
    public long FirstPollAfter(long timestamp)
    {
        lock (_gate)
        {
            return _pollStarts.First(t => t > timestamp);
        }
    }

    public void OnPollStarted()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _pollStarts.Add(now);
            if (_waiting is null || _started)
            {
                return;
            }

            _started = true;
            _seen = 0;
            _startTicks = now;
            _startCpu = Process.GetCurrentProcess().TotalProcessorTime;
            _startGen0 = GC.CollectionCount(0);
            _startGen2 = GC.CollectionCount(2);
        }
    }

    public void OnObserved()
    {
        TaskCompletionSource<CycleSample>? done = null;
        CycleSample sample = default;
        lock (_gate)
        {
            if (_waiting is null || !_started || ++_seen < _expected)
            {
                return;
            }

            sample = new CycleSample(
                Stopwatch.GetElapsedTime(_startTicks),
                Process.GetCurrentProcess().TotalProcessorTime - _startCpu,
                GC.CollectionCount(0) - _startGen0,
                GC.CollectionCount(2) - _startGen2);
            done = _waiting;
            _waiting = null;
        }

        done.TrySetResult(sample);
    }
}

/// <summary>One poll cycle: wall and process CPU time (all threads: actors, journal, GC), collections during it.</summary>
internal readonly record struct CycleSample(TimeSpan Wall, TimeSpan Cpu, int Gen0, int Gen2);
