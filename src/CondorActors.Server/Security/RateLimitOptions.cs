using Microsoft.Extensions.Configuration;

namespace CondorActors.Server.Security;

/// <summary>
/// Per-principal token buckets (<c>condoractors.auth.rate-limits</c>): each principal has one
/// bucket for reads (GET, HEAD) and one for writes (everything else), each holding
/// <see cref="Burst"/> requests and refilled at the per-minute rate. 0 disables a bucket.
/// </summary>
internal sealed class RateLimitOptions
{
    /// <summary>(<c>read-per-minute</c>) Sustained reads per principal. Default 600.</summary>
    [ConfigurationKeyName("read-per-minute")]
    public int ReadPerMinute { get; set; } = 600;

    /// <summary>(<c>write-per-minute</c>) Sustained writes per principal. Default 60.</summary>
    [ConfigurationKeyName("write-per-minute")]
    public int WritePerMinute { get; set; } = 60;

    /// <summary>(<c>burst</c>) Requests a principal may make at once before the rate applies. Default 50.</summary>
    [ConfigurationKeyName("burst")]
    public int Burst { get; set; } = 50;

    public void Check(List<string> errors)
    {
        const string p = "condoractors.auth.rate-limits";
        if (ReadPerMinute < 0)
        {
            errors.Add($"{p}.read-per-minute: must not be negative");
        }

        if (WritePerMinute < 0)
        {
            errors.Add($"{p}.write-per-minute: must not be negative");
        }

        if (Burst < 1)
        {
            errors.Add($"{p}.burst: must be at least 1");
        }
    }
}
