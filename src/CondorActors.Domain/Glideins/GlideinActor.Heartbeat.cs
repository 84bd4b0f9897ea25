namespace CondorActors.Domain.Glideins;

public sealed partial class GlideinActor
{
    private HeartbeatReader? _heartbeat;

    /// <summary>
    /// Age of the HPC half's heartbeat at <paramref name="now"/> (see <see cref="GlideinRules.HeartbeatAge"/>).
    /// Called only when the site has a heartbeat timeout: without one the age decides nothing, and
    /// reading 10,000 files per poll is most of a big site's poll cost.
    /// </summary>
    /// <remarks>
    /// The file is stat'ed every poll and opened only when it changed (<see cref="HeartbeatReader"/>):
    /// on a big site the opens were about 40 % of the poll's CPU. Reading it only once the last
    /// heartbeat seen is older than the timeout would be cheaper still, but a file that then turns
    /// out to be missing would be timed from an older heartbeat than the last one written.
    /// </remarks>
    private TimeSpan HeartbeatAgeAt(DateTimeOffset now)
    {
        // A missing file (never written, or gone) counts from the last heartbeat seen, else
        // from the persisted first Running, which a controller restart does not reset.
        var heartbeat = (_heartbeat ??= new HeartbeatReader(_files.Heartbeat)).Read()?.At;
        var age = GlideinRules.HeartbeatAge(now, heartbeat, _lastHeartbeat, State.BatchRunningSince);
        _lastHeartbeat = heartbeat ?? _lastHeartbeat;
        return age;
    }
}
