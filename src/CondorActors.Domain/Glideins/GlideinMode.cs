using System.Text.Json.Serialization;

namespace CondorActors.Domain.Glideins;

/// <summary>How a glidein's startd is split between the bridge node and the batch job.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GlideinMode>))]
public enum GlideinMode
{
    /// <summary>The startd runs on the bridge node (advertising), the HPC half inside the batch job.</summary>
    Split,

    /// <summary>Classic glidein: the whole startd runs inside the batch job.</summary>
    Pilot,
}
