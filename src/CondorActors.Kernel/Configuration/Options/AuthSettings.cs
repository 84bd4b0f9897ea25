using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Authentication and rate limits (<c>condoractors.auth</c>).</summary>
public sealed class AuthSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "condoractors:auth";

    /// <summary>GET routes of the read API work without a token, as principal <c>anonymous</c> with scope <c>read</c>. Default false.</summary>
    [ConfigurationKeyName("anonymous-read")]
    public bool AnonymousRead { get; set; }

    /// <summary>
    /// Longest time a token revoked by another process (the <c>token</c> command, another bridge
    /// node) may still be accepted here. Default 5 s; 0 checks the journal on every request.
    /// </summary>
    [ConfigurationKeyName("token-refresh-interval")]
    public TimeSpan TokenRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-principal request rates.</summary>
    [ConfigurationKeyName("rate-limits")]
    public RateLimitSettings RateLimits { get; set; } = new();
}
