using CondorActors.Domain.Condor.Queries;
using CondorActors.Domain.Condor.Submit;
using CondorActors.Domain.Condor.Writes;
using CondorActors.Server.Hosting;
using CondorActors.Server.Security;

namespace CondorActors.Server.Api;

/// <summary>Services and endpoints of the read API, CORS and the OpenAPI document.</summary>
internal static class ApiSetup
{
    public const string CorsPolicy = "condoractors-api";

    /// <summary>Response headers a page from another origin may read.</summary>
    private static readonly string[] ExposedHeaders = ["Link", AdListResult.NextCursorHeader, BackendHeaderMiddleware.HeaderName, "Retry-After", "Location", SubmitHandlers.ReplayedHeader];

    public static IServiceCollection AddCondorApi(this IServiceCollection services, ApiOptions options, QueryOptions queries, SubmitOptions submit)
    {
        services.AddSingleton(options);
        services.AddSingleton<PageCursors>();
        services.AddSingleton<ApiServices>();
        services.AddCondorQueries(queries);
        services.AddCondorWrites(submit);
        services.AddOpenApi();

        // No origins configured: no CORS headers at all, so browsers keep other origins out.
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (options.CorsAllowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. options.CorsAllowedOrigins]);
            }

            policy.WithMethods("GET", "HEAD", "POST", "DELETE").AllowAnyHeader().WithExposedHeaders(ExposedHeaders);
        }));
        return services;
    }

    /// <summary>
    /// One group per resource, all under the read policy (scope <c>read</c> for GET/HEAD; other
    /// methods added to these groups decide with <see cref="Scopes.Require"/>). The OpenAPI
    /// document stays anonymous: it describes the API, it reveals nothing of the pool. The
    /// general request timeout does not apply here: a 100,000-job answer streams for longer than
    /// any sensible write timeout, and the condor query timeout already bounds the work.
    /// </summary>
    public static IEndpointRouteBuilder MapCondorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        var read = endpoints.MapGroup("").RequireAuthorization(SecuritySetup.ReadPolicy);
        read.DisableRequestTimeout();
        read.MapJobsApi();
        read.MapGroupedJobsApi();
        read.MapStatusApi();
        read.MapConfigApi();

        // Writes are outside the read policy: every handler checks submit / jobs-admin itself.
        endpoints.MapWritesApi();
        return endpoints;
    }
}
