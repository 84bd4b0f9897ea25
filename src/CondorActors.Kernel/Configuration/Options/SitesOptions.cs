using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>The sites glideins are obtained from (<c>condoractors.sites.&lt;name&gt;</c>).</summary>
public sealed class SitesOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:sites";

    /// <summary>Sites by name (kebab-case names are addressable from the environment).</summary>
    public Dictionary<string, SiteOptions> Sites { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One site.</summary>
public sealed class SiteOptions
{
    /// <summary>Accepted batch systems.</summary>
    public static readonly IReadOnlyList<string> BatchSystems = ["slurm", "pbs", "cobalt", "sfapi", "local"];

    /// <summary><c>slurm</c>, <c>pbs</c>, <c>cobalt</c>, <c>sfapi</c> (NERSC Superfacility API) or <c>local</c>. Required.</summary>
    [ConfigurationKeyName("batch-system")]
    public string BatchSystem { get; set; } = "";

    /// <summary>Whether the site takes new glideins. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Most glideins (pending + live) at once. Default 10.</summary>
    [ConfigurationKeyName("max-glideins")]
    public int MaxGlideins { get; set; } = 10;

    /// <summary>Nodes per batch job when a request does not say. Default 1.</summary>
    [ConfigurationKeyName("nodes-per-job")]
    public int NodesPerJob { get; set; } = 1;

    /// <summary>Most nodes one batch job may ask for. Default 1.</summary>
    [ConfigurationKeyName("max-nodes-per-job")]
    public int MaxNodesPerJob { get; set; } = 1;

    /// <summary>Walltime requested for a batch job. Default 1h.</summary>
    [ConfigurationKeyName("walltime")]
    public TimeSpan Walltime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the site polls its batch system and the collector. Default 5s.</summary>
    [ConfigurationKeyName("poll-interval")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running glidein whose startd is not seen for this long is dead. Default 2m.</summary>
    [ConfigurationKeyName("heartbeat-timeout")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Slurm partition (<c>--partition</c>); empty means the cluster default.</summary>
    [ConfigurationKeyName("partition")]
    public string Partition { get; set; } = "";

    /// <summary>PBS/Cobalt queue (<c>-q</c>); empty means the default queue.</summary>
    [ConfigurationKeyName("queue")]
    public string Queue { get; set; } = "";

    /// <summary>Account/project charged (<c>--account</c> / <c>-A</c>); required for cobalt and sfapi.</summary>
    [ConfigurationKeyName("account")]
    public string Account { get; set; } = "";

    /// <summary>Slurm QOS (<c>--qos</c>); empty means none.</summary>
    [ConfigurationKeyName("qos")]
    public string Qos { get; set; } = "";

    /// <summary>Slurm node constraint (<c>--constraint</c>, e.g. <c>cpu</c> on Perlmutter); empty means none.</summary>
    [ConfigurationKeyName("constraint")]
    public string Constraint { get; set; } = "";

    /// <summary>Superfacility API settings (batch-system = sfapi).</summary>
    [ConfigurationKeyName("sfapi")]
    public SfapiOptions Sfapi { get; set; } = new();
}

/// <summary>NERSC Superfacility API client (<c>condoractors.sites.&lt;name&gt;.sfapi</c>).</summary>
public sealed class SfapiOptions
{
    /// <summary>API base URL. Default <c>https://api.nersc.gov/api/v1.2</c>.</summary>
    [ConfigurationKeyName("api-url")]
    public string ApiUrl { get; set; } = "https://api.nersc.gov/api/v1.2";

    /// <summary>OAuth token endpoint. Default <c>https://oidc.nersc.gov/c2id/token</c>.</summary>
    [ConfigurationKeyName("token-url")]
    public string TokenUrl { get; set; } = "https://oidc.nersc.gov/c2id/token";

    /// <summary>Machine jobs go to (e.g. <c>perlmutter</c>). Required for sfapi.</summary>
    [ConfigurationKeyName("machine")]
    public string Machine { get; set; } = "";

    /// <summary>Superfacility client id. Required for sfapi.</summary>
    [ConfigurationKeyName("client-id")]
    public string ClientId { get; set; } = "";

    /// <summary>Path of the client's private key (PEM, readable only by the service). Required for sfapi.</summary>
    [ConfigurationKeyName("private-key-file")]
    public string PrivateKeyFile { get; set; } = "";
}
