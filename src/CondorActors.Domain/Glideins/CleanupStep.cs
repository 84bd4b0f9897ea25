using System.Text.Json.Serialization;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The cleanup of a dead glidein, in the order the steps run. Each is idempotent and its
/// completion is persisted, so a controller restart resumes at the first step not done.
/// Stored by name: new steps may be added, never renamed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CleanupStep>))]
public enum CleanupStep
{
    /// <summary>Cancel the batch job unless the batch system already reported it ended.</summary>
    CancelBatchJob,

    /// <summary>Stop the bridge half's process tree (split mode).</summary>
    StopBridgeHalf,

    /// <summary><c>condor_advertise INVALIDATE_STARTD_ADS</c> by GlideinId, confirmed by a query.</summary>
    InvalidateAds,

    /// <summary><c>condor_vacate_job</c> for every job that ran on it, confirmed Idle with no RemoteHost.</summary>
    VacateJobs,

    /// <summary>Kill job processes the bridge half left behind in its execute directory.</summary>
    KillOrphans,

    /// <summary>After the site's retention period, archive or delete the glidein's directory.</summary>
    RemoveDirectory,
}
