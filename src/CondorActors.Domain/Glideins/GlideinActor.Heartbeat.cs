namespace CondorActors.Domain.Glideins;

public sealed partial class GlideinActor
{
    /// <summary>
    /// Age of the HPC half's heartbeat at <paramref name="now"/> (see <see cref="GlideinRules.HeartbeatAge"/>).
    /// Called only when the site has a heartbeat timeout: without one the age decides nothing, and
    /// reading 10,000 files per poll is most of a big site's poll cost.
    /// </summary>
    /// <remarks>
    /// Reading only once the last heartbeat seen is older than the timeout would cut the poll's CPU
    /// by about half (measured: docs/performance.md, Glideins), but a file that then turns out to
    /// be missing would be timed from an older heartbeat than the last one written, so a glidein
    /// whose file vanished would die up to one timeout earlier. Not done for that reason.
    /// </remarks>
    private TimeSpan HeartbeatAgeAt(DateTimeOffset now)
    {
        // A missing file (never written, or gone) counts from the last heartbeat seen, else
        // from the persisted first Running, which a controller restart does not reset.
        var heartbeat = HeartbeatFile.TryRead(_files.Heartbeat)?.At;
        var age = GlideinRules.HeartbeatAge(now, heartbeat, _lastHeartbeat, State.BatchRunningSince);
        _lastHeartbeat = heartbeat ?? _lastHeartbeat;
        return age;
    }
}
