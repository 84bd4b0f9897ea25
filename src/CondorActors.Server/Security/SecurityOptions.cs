using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Server.Security;

/// <summary>Authentication and rate limits (<c>condoractors.auth</c>); keys in parentheses.</summary>
internal sealed class SecurityOptions
{
    public const string Section = "condoractors:auth";

    /// <summary>(<c>anonymous-read</c>) GET routes of the read API work without a token, as principal <c>anonymous</c> with scope <c>read</c>. Default off.</summary>
    [ConfigurationKeyName("anonymous-read")]
    public bool AnonymousRead { get; set; }

    /// <summary>
    /// (<c>token-refresh-interval</c>) Longest time a token revoked by another process (the
    /// <c>token</c> command, another bridge node) may still be accepted here. Default 5 s; 0 checks
    /// the journal on every request.
    /// </summary>
    [ConfigurationKeyName("token-refresh-interval")]
    public TimeSpan TokenRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>(<c>rate-limits</c>) Requests per principal.</summary>
    [ConfigurationKeyName("rate-limits")]
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Binds <c>condoractors.auth</c>; throws one message per bad setting.</summary>
    public static SecurityOptions From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var options = new SecurityOptions();
        HoconOptionsBinder.Bind(configuration.GetSection(Section), options, errors);
        if (options.TokenRefreshInterval < TimeSpan.Zero)
        {
            errors.Add("condoractors.auth.token-refresh-interval: must not be negative");
        }

        options.RateLimits.Check(errors);
        return errors.Count == 0 ? options : throw new InvalidOperationException("Invalid configuration: " + string.Join("; ", errors));
    }
}
