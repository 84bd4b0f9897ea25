using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Server.Security;

/// <summary>Limits on what one request may cost (<c>condoractors.http</c>); keys in parentheses.</summary>
internal sealed class HttpLimitsOptions
{
    public const string Section = "condoractors:http";

    /// <summary>(<c>max-request-body-size</c>) Largest request body; larger is 413. Default 1 MiB.</summary>
    [ConfigurationKeyName("max-request-body-size")]
    [ByteSize]
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>(<c>request-timeout</c>) Longest a request may take before it is cancelled with 504. Default 30 s; 0 disables.</summary>
    [ConfigurationKeyName("request-timeout")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>(<c>max-json-depth</c>) Deepest nesting accepted in a JSON request body; deeper is 400. Default 32.</summary>
    [ConfigurationKeyName("max-json-depth")]
    public int MaxJsonDepth { get; set; } = 32;

    public static HttpLimitsOptions From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var options = new HttpLimitsOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(Section), options, errors);
        if (options.MaxRequestBodySize < 1)
        {
            errors.Add("condoractors.http.max-request-body-size: must be at least 1 byte");
        }

        if (options.RequestTimeout < TimeSpan.Zero)
        {
            errors.Add("condoractors.http.request-timeout: must not be negative");
        }

        if (options.MaxJsonDepth is < 1 or > 256)
        {
            errors.Add("condoractors.http.max-json-depth: must be between 1 and 256");
        }

        return errors.Count == 0 ? options : throw new InvalidOperationException("Invalid configuration: " + string.Join("; ", errors));
    }
}
