namespace CondorActors.Domain.Glideins;

/// <summary>
/// One glidein's heartbeat file, read only when it changed: each read first stats the file (one
/// <c>stat</c>: no open, <c>flock</c>, read and close) and returns the heartbeat parsed last time
/// while its modification time (nanoseconds on Linux) and length are unchanged. The HPC half
/// replaces the file by rename every few seconds, so a new heartbeat is a new file with a new
/// modification time; the answer is always what reading the file would give, which keeps the
/// rule that a vanished file is timed from the last heartbeat seen (nothing is skipped).
/// </summary>
/// <remarks>
/// On a filesystem with coarse timestamps (1 s on some NFS servers) a heartbeat written in the
/// same second as the one cached, with the same length, is seen only with the next heartbeat:
/// a lag of one heartbeat interval, far below any heartbeat timeout.
/// </remarks>
internal sealed class HeartbeatReader(string path)
{
    private readonly FileInfo _file = new(path);
    private DateTime _cachedWriteTime;
    private long _cachedLength = -1;
    private Heartbeat? _cached;

    /// <summary>Files actually opened and read (tests and diagnostics).</summary>
    public int Reads { get; private set; }

    /// <summary>The last heartbeat, or null when there is none or it does not parse (as <see cref="HeartbeatFile.TryRead"/>).</summary>
    public Heartbeat? Read()
    {
        _file.Refresh();
        if (!_file.Exists)
        {
            _cachedLength = -1;
            return null;
        }

        var writeTime = _file.LastWriteTimeUtc;
        var length = _file.Length;
        if (writeTime == _cachedWriteTime && length == _cachedLength)
        {
            return _cached;
        }

        // Stat first, then read: if the file is replaced in between, the stat is of the older file
        // and the next call reads again (never the other way round, which could keep stale content).
        Reads++;
        _cached = HeartbeatFile.TryRead(path);
        _cachedWriteTime = writeTime;
        _cachedLength = length;
        return _cached;
    }
}
