using CondorActors.Domain.Condor;
using CondorActors.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>
/// The API's error answers: problem+json with a stable type, restd's wording in <c>detail</c>
/// (copied to <c>message</c> by the problem-details setup), and the offending parameter.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult InvalidParameter(string parameter, string detail, int? position = null)
    {
        var extensions = new Dictionary<string, object?> { ["parameter"] = parameter };
        if (position is { } at)
        {
            extensions["position"] = at;
        }

        return TypedResults.Problem(detail, statusCode: 400, title: "Invalid parameter", type: ProblemTypes.InvalidParameter, extensions: extensions);
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: 404, title: "Not found", type: ProblemTypes.NotFound);

    /// <summary>
    /// Maps a gateway error as htcondor-restd does: bad constraint and unknown schedd 400,
    /// unknown daemon 400, unreachable 503 with Retry-After, timeout 504.
    /// </summary>
    public static ProblemHttpResult FromCondor(CondorException error, HttpContext http, ApiOptions options, string service)
    {
        switch (error)
        {
            case CondorConstraintException constraint:
                return InvalidParameter("constraint", error.Message, constraint.Position);
            case CondorNotFoundException notFound:
                return InvalidParameter(service == "schedd" ? "schedd" : "daemon", $"{(service == "schedd" ? "Schedd" : "Daemon")} not found: {notFound.Name}");
            case CondorUnknownParameterException unknown:
                return NotFound($"Undefined attribute: {string.Join(", ", unknown.Names)}");
            case CondorTimeoutException:
                return TypedResults.Problem($"Error querying {service}: {error.Message}", statusCode: 504, title: "HTCondor timed out", type: ProblemTypes.CondorTimeout);
            default:
                // Unreachable, and any other failure of the tools: worth retrying later.
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem($"Error querying {service}: {error.Message}", statusCode: 503, title: "HTCondor unavailable", type: ProblemTypes.CondorUnavailable);
        }
    }
}
