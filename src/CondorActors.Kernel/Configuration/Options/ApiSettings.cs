using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>The read API (<c>condoractors.api</c>).</summary>
public sealed class ApiSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:api";

    /// <summary>
    /// Job attributes answered as <c>"&lt;REDACTED&gt;"</c> (htcondor-restd's RESTD_HIDE_JOB_ATTRS),
    /// matched without case; an array or one comma-separated value. Default none.
    /// </summary>
    [ConfigurationKeyName("redact-job-attributes")]
    public List<string> RedactJobAttributes { get; set; } = [];

    /// <summary>Most items one response carries (htcondor-restd's RESTD_MAX_JOBS); 0 (default) means no cap.</summary>
    [ConfigurationKeyName("max-results")]
    public int MaxResults { get; set; }

    /// <summary>Largest page that carries a next-page cursor (read whole before its headers are sent). Default 1000.</summary>
    [ConfigurationKeyName("max-page-size")]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Cross-origin access.</summary>
    [ConfigurationKeyName("cors")]
    public CorsSettings Cors { get; set; } = new();

    /// <summary>The Retry-After of a 503 (HTCondor unreachable). Default 5s.</summary>
    [ConfigurationKeyName("retry-after")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Secret that signs page cursors, so several servers behind one address accept each other's
    /// cursors; masked by <c>config show</c>. Empty (default): a random key per process.
    /// </summary>
    [ConfigurationKeyName("cursor-key")]
    public string CursorKey { get; set; } = "";
}

/// <summary>CORS of the read API (<c>condoractors.api.cors</c>).</summary>
public sealed class CorsSettings
{
    /// <summary>Origins whose pages may call the API (<c>*</c> for any). Default none: no CORS headers.</summary>
    [ConfigurationKeyName("allowed-origins")]
    public List<string> AllowedOrigins { get; set; } = [];
}
