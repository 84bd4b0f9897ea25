using System.Text.Json.Serialization;

namespace CondorActors.Domain.Glideins;

/// <summary>How a glidein's startd authenticates to the collector (per site).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GlideinSecurity>))]
public enum GlideinSecurity
{
    /// <summary>IDTOKENS: a token file in the glidein's config folder.</summary>
    IdTokens,

    /// <summary>Pool password (<c>SEC_PASSWORD_FILE</c>).</summary>
    PoolPassword,
}
