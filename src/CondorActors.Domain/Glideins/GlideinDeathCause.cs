using System.Text.Json.Serialization;

namespace CondorActors.Domain.Glideins;

/// <summary>Why a glidein died. Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GlideinDeathCause>))]
public enum GlideinDeathCause
{
    /// <summary>The batch job ended with exit code 0 (e.g. the HPC half left at its walltime guard).</summary>
    BatchJobCompleted,

    /// <summary>The batch job failed (non-zero exit, node failure, out of memory, preempted).</summary>
    BatchJobFailed,

    /// <summary>Someone removed the batch job outside the controller.</summary>
    BatchJobCancelled,

    /// <summary>The batch job hit its time limit.</summary>
    BatchJobTimedOut,

    /// <summary>The batch system no longer knows the job and no record says how it ended.</summary>
    BatchJobVanished,

    /// <summary>The batch system says Running but the HPC half's heartbeat is older than the site's timeout.</summary>
    HeartbeatLost,

    /// <summary>The bridge half (split startd on the bridge node) exited.</summary>
    BridgeHalfExited,

    /// <summary>The glidein's ads left the collector while its batch job still runs.</summary>
    AdsVanished,

    /// <summary>A drain finished: no slot was claimed any more.</summary>
    Drained,

    /// <summary>A drain's deadline passed with jobs still running; they are vacated.</summary>
    DrainDeadlinePassed,

    /// <summary>An operator (or policy) stopped the glidein at once.</summary>
    Cancelled,
}
