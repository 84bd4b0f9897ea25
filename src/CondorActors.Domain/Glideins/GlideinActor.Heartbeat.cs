namespace CondorActors.Domain.Glideins;

public sealed partial class GlideinActor
{
    /// <summary>Newest heartbeat time read from the glidein's file (not persisted: read again after a restart).</summary>
    private DateTimeOffset? _newestHeartbeat;

    /// <summary>
    /// Age of the HPC half's newest heartbeat at <paramref name="now"/>, or of the batch job's run
    /// when no heartbeat was seen yet. A heartbeat only moves forward, so while the newest one
    /// read is no older than <paramref name="timeout"/> the file cannot prove death and is not
    /// read again: one file open per glidein per timeout instead of per poll (on 10,000 glideins
    /// the per-poll opens, mostly kernel path walks, were about 40% of a poll cycle's CPU).
    /// </summary>
    private TimeSpan HeartbeatAgeAt(DateTimeOffset now, TimeSpan timeout)
    {
        if (_newestHeartbeat is not { } known || now - known > timeout)
        {
            // A file that went back in time does not undo a heartbeat already seen.
            if (HeartbeatFile.TryRead(_files.Heartbeat)?.At is { } read && (_newestHeartbeat is null || read > _newestHeartbeat))
            {
                _newestHeartbeat = read;
            }
        }

        return now - (_newestHeartbeat ?? _runningSince!.Value);
    }
}
