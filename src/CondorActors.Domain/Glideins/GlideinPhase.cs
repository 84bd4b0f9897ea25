using System.Text.Json.Serialization;

namespace CondorActors.Domain.Glideins;

/// <summary>Where a glidein is in its life (ARCHITECTURE.md, "Glidein lifecycle"). Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GlideinPhase>))]
public enum GlideinPhase
{
    /// <summary>Asked for; no batch job known yet.</summary>
    Requested,

    /// <summary>Batch job submitted and queued (or started, but the glidein's ads are not seen yet).</summary>
    Pending,

    /// <summary>Batch job running, slots advertised and willing, none claimed.</summary>
    Advertising,

    /// <summary>At least one slot claimed.</summary>
    Running,

    /// <summary>Was running; no slot claimed now (a scale-down candidate).</summary>
    Idle,

    /// <summary>Asked to stop: no new matches; running jobs finish or are vacated at the deadline.</summary>
    Draining,

    /// <summary>A half is gone (or the glidein was stopped); cleanup steps run.</summary>
    Dead,

    /// <summary>The batch system refused the job; only the local cleanup steps run.</summary>
    SubmitFailed,

    /// <summary>Every cleanup step done and the directory archived or deleted. Terminal.</summary>
    CleanedUp,
}
