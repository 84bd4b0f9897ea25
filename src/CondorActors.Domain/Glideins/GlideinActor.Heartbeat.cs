namespace CondorActors.Domain.Glideins;

public sealed partial class GlideinActor
{
    /// <summary>
    /// Age of the HPC half's heartbeat at <paramref name="now"/> (see
    /// <see cref="GlideinRules.HeartbeatAge"/>). While the last heartbeat seen is no older than
    /// <paramref name="timeout"/> the file is not read: a heartbeat only moves forward, so the
    /// file cannot prove death yet. That makes one file open per glidein per timeout instead of
    /// per poll (on 10,000 glideins the per-poll opens, mostly kernel path walks, were about 40%
    /// of a poll cycle's CPU). The decision is unchanged except for a file whose time goes back,
    /// which is noticed once the timeout has passed instead of at the next poll.
    /// </summary>
    private TimeSpan HeartbeatAgeAt(DateTimeOffset now, TimeSpan timeout)
    {
        if (_lastHeartbeat is { } seen && now - seen <= timeout)
        {
            return now - seen;
        }

        // A missing file (never written, or gone) counts from the last heartbeat seen, else
        // from the persisted first Running, which a controller restart does not reset.
        var heartbeat = HeartbeatFile.TryRead(_files.Heartbeat)?.At;
        var age = GlideinRules.HeartbeatAge(now, heartbeat, _lastHeartbeat, State.BatchRunningSince);
        _lastHeartbeat = heartbeat ?? _lastHeartbeat;
        return age;
    }
}
