using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>HTTP edge (<c>condoractors.http</c>).</summary>
public sealed class HttpSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:http";

    /// <summary>Listen URLs separated by ';'. Default <c>http://127.0.0.1:9680</c> (htcondor-restd's port); <c>--urls</c> overrides.</summary>
    [ConfigurationKeyName("urls")]
    public string Urls { get; set; } = "http://127.0.0.1:9680";

    /// <summary>Largest request body; larger is 413. Default 1 MiB.</summary>
    [ConfigurationKeyName("max-request-body-size")]
    [ByteSize]
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Longest a request (other than the streaming read API) may take before it is cancelled with 504. Default 30 s; 0 disables.</summary>
    [ConfigurationKeyName("request-timeout")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deepest nesting accepted in a JSON request body; deeper is 400. Default 32.</summary>
    [ConfigurationKeyName("max-json-depth")]
    public int MaxJsonDepth { get; set; } = 32;
}
