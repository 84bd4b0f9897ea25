using CondorActors.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api.Glideins;

/// <summary>The glidein API's error answers, each naming the parameter or body key at fault.</summary>
internal static class GlideinProblems
{
    public static ProblemHttpResult Refused(GlideinRequestBody.Refusal refusal) => refusal.Status switch
    {
        StatusCodes.Status422UnprocessableEntity => With(refusal.Message, 422, "Over a site limit", ProblemTypes.LimitExceeded, refusal.Field),
        StatusCodes.Status409Conflict => Conflict(refusal.Field, refusal.Message),
        _ => ApiProblems.InvalidParameter(refusal.Field, refusal.Message),
    };

    public static ProblemHttpResult Conflict(string parameter, string detail) =>
        With(detail, 409, "Conflict", ProblemTypes.Conflict, parameter);

    public static ProblemHttpResult UnknownSite(string site) =>
        With($"No site '{site}'.", 404, "Not found", ProblemTypes.NotFound, "site");

    public static ProblemHttpResult UnknownGlidein(string id) =>
        With($"No glidein '{id}' (never requested, or already cleaned up).", 404, "Not found", ProblemTypes.NotFound, "id");

    private static ProblemHttpResult With(string detail, int status, string title, string type, string parameter) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
