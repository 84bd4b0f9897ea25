using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>NERSC Superfacility API client (<c>condoractors.sites.&lt;name&gt;.sfapi</c>).</summary>
public sealed class SfapiSettings
{
    /// <summary>API base URL. Default <c>https://api.nersc.gov/api/v1.2</c>.</summary>
    [ConfigurationKeyName("api-url")]
    public string ApiUrl { get; set; } = "https://api.nersc.gov/api/v1.2";

    /// <summary>OAuth token endpoint (also the client assertion's audience). Default <c>https://oidc.nersc.gov/c2id/token</c>.</summary>
    [ConfigurationKeyName("token-url")]
    public string TokenUrl { get; set; } = "https://oidc.nersc.gov/c2id/token";

    /// <summary>Machine jobs go to (e.g. <c>perlmutter</c>). Required for sfapi.</summary>
    [ConfigurationKeyName("machine")]
    public string Machine { get; set; } = "";

    /// <summary>Superfacility client id. Required for sfapi.</summary>
    [ConfigurationKeyName("client-id")]
    public string ClientId { get; set; } = "";

    /// <summary>
    /// Path of the client's private key (PEM, chmod 600); the file as NERSC hands it out (client id
    /// on the first line) is accepted too. Required for sfapi.
    /// </summary>
    [ConfigurationKeyName("private-key-file")]
    public string PrivateKeyFile { get; set; } = "";

    /// <summary>How often a submit task is polled. Default 1s.</summary>
    [ConfigurationKeyName("task-poll-interval")]
    public TimeSpan TaskPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a submit task may take before the submit counts as unanswered. Default 5m.</summary>
    [ConfigurationKeyName("task-timeout")]
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One HTTP request's timeout. Default 30s.</summary>
    [ConfigurationKeyName("request-timeout")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime of the signed client assertion. Default 5m.</summary>
    [ConfigurationKeyName("assertion-lifetime")]
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A token is renewed this long before it expires. Default 60s.</summary>
    [ConfigurationKeyName("token-refresh-margin")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);
}
