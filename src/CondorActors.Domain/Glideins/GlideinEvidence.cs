using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// What one poll tells a glidein: its batch job's status (from the site's one batch query), its
/// ads (from the site's one collector query), its heartbeat age and whether its bridge half runs.
/// A null part means "no trustworthy answer" and never changes the glidein's state.
/// </summary>
public sealed record GlideinEvidence(DateTimeOffset At)
{
    /// <summary>The batch system answered this poll (so a missing job really is missing).</summary>
    public bool BatchKnown { get; init; }

    /// <summary>Its batch job (by id, or by the glidein's name before the id is known).</summary>
    public BatchJobStatus? Batch { get; init; }

    /// <summary>Its ads in the collector; null when the collector did not answer.</summary>
    public GlideinAds? Ads { get; init; }

    /// <summary>Age of the HPC half's last heartbeat while the batch job runs; null when not applicable.</summary>
    public TimeSpan? HeartbeatAge { get; init; }

    /// <summary>Whether the bridge half still runs; null when there is none (pilot mode, not started).</summary>
    public bool? BridgeAlive { get; init; }
}

/// <summary>The glidein's slot ads in one collector answer.</summary>
public sealed record GlideinAds(int Slots, int Claimed)
{
    public static GlideinAds None { get; } = new(0, 0);
}
