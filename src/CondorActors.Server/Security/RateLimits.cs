using System.Globalization;
using System.Threading.RateLimiting;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Server.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace CondorActors.Server.Security;

/// <summary>
/// Per-principal token buckets, one for reads and one for writes. Requests without a token
/// (anonymous read, or about to be refused) are keyed by client address so they cannot share
/// (and exhaust) one bucket; health probes are never limited.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddCondorRateLimits(this IServiceCollection services, RateLimitSettings options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
            limiter.OnRejected = OnRejectedAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitSettings options)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz"))
        {
            return RateLimitPartition.GetNoLimiter("probes");
        }

        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        var perMinute = read ? options.ReadPerMinute : options.WritePerMinute;
        // Anonymous readers are many people: each address gets its own bucket, not one shared "anonymous".
        var who = Principals.TokenIdOf(http) is not null ? "p:" + Principals.NameOf(http) : "a:" + http.Connection.RemoteIpAddress;
        var key = (read ? "r|" : "w|") + who;
        if (perMinute == 0)
        {
            return RateLimitPartition.GetNoLimiter(key);
        }

        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Type = ProblemTypes.RateLimited,
                Detail = $"Rate limit exceeded for '{(Principals.IsAuthenticated(http) ? Principals.NameOf(http) : "this client")}'; retry in {seconds} s.",
            },
        }).ConfigureAwait(false);
    }
}
