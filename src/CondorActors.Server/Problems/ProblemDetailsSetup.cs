using Microsoft.AspNetCore.Http.Features;

namespace CondorActors.Server.Problems;

/// <summary>
/// Every error body is problem+json with a stable <c>type</c>, htcondor-restd's <c>message</c>
/// field (old clients read it), and a request id; never a stack trace.
/// </summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddCondorProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (string.IsNullOrEmpty(problem.Type) || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = ProblemTypes.ForStatus(status);
            }

            // Exception details stay in the server log; the client gets a request id to quote.
            if (context.Exception is not null)
            {
                problem.Type = ProblemTypes.Internal;
                problem.Detail = "The server failed to handle the request; quote the request id when reporting it.";
            }

            problem.Extensions["message"] = problem.Detail ?? problem.Title;
            problem.Extensions["requestId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                ?? context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("traceId");
        });
}
