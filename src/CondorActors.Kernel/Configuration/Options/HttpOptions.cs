using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>HTTP edge (<c>condoractors.http</c>).</summary>
public sealed class HttpOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:http";

    /// <summary>Listen URLs separated by ';'. Default <c>http://127.0.0.1:9680</c> (htcondor-restd's port); <c>--urls</c> overrides.</summary>
    [ConfigurationKeyName("urls")]
    public string Urls { get; set; } = "http://127.0.0.1:9680";
}
