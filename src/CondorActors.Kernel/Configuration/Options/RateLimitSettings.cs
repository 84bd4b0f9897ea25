using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// Per-principal token buckets (<c>condoractors.auth.rate-limits</c>): each principal has one
/// bucket for reads (GET, HEAD) and one for writes (everything else), each holding
/// <see cref="Burst"/> requests and refilled at the per-minute rate. 0 disables a bucket.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Sustained reads per principal per minute. Default 600.</summary>
    [ConfigurationKeyName("read-per-minute")]
    public int ReadPerMinute { get; set; } = 600;

    /// <summary>Sustained writes per principal per minute. Default 60.</summary>
    [ConfigurationKeyName("write-per-minute")]
    public int WritePerMinute { get; set; } = 60;

    /// <summary>Requests a principal may make at once before the rate applies. Default 50.</summary>
    [ConfigurationKeyName("burst")]
    public int Burst { get; set; } = 50;
}
