using CondorActors.Kernel.Configuration.Options;
using CondorActors.Server.Security.Audit;
using Microsoft.AspNetCore.Authorization;

namespace CondorActors.Server.Security;

/// <summary>
/// Authentication (API tokens), authorization (scopes), rate limits, request limits and the
/// audit log. Every endpoint needs an authenticated principal unless it opts out with
/// <c>AllowAnonymous</c> (health probes, the OpenAPI document): a route added later is protected
/// without anyone remembering to protect it.
/// </summary>
internal static class SecuritySetup
{
    public const string ReadPolicy = "scope:read";
    public const string AdminPolicy = "scope:admin";
    public const string GlideinsPolicy = "scope:glideins";

    public static WebApplicationBuilder AddCondorSecurity(this WebApplicationBuilder builder, CondorActorsSettingsSet settings)
    {
        var security = settings.Auth;
        var limits = settings.Http;
        var services = builder.Services;
        services.AddSingleton(security);
        services.AddSingleton<TokenRegistry>();
        services.AddSingleton<AuditLog>();

        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<TokenAuthenticationOptions, TokenAuthenticationHandler>(
                TokenAuthenticationHandler.SchemeName, options => options.AnonymousRead = security.AnonymousRead);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(ReadPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(ApiScopes.Read, safeMethodsOnly: true)))
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(ApiScopes.Admin)))
            .AddPolicy(GlideinsPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(ApiScopes.Glideins)));

        services.AddCondorRateLimits(security.RateLimits);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodySize);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.MaxDepth = limits.MaxJsonDepth);
        services.AddRequestTimeouts(timeouts =>
        {
            if (limits.RequestTimeout > TimeSpan.Zero)
            {
                timeouts.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy { Timeout = limits.RequestTimeout };
            }
        });
        return builder;
    }

    /// <summary>Order matters: who (authentication), record (audit), how often (rate), may they (authorization), how long (timeouts).</summary>
    public static WebApplication UseCondorSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }
}
