using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Writes;
using CondorActors.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>The write API's error answers; HTCondor's own words go in <c>detail</c>.</summary>
internal static class WriteProblems
{
    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem($"The body is larger than {limit} bytes.", statusCode: 413, title: "Body too large", type: ProblemTypes.PayloadTooLarge, extensions: new Dictionary<string, object?> { ["parameter"] = "body" });

    public static ProblemHttpResult KeyReused(IdempotencyKeyReusedException error) =>
        TypedResults.Problem(error.Message, statusCode: 409, title: "Idempotency-Key reused", type: ProblemTypes.IdempotencyKeyReused, extensions: new Dictionary<string, object?> { ["parameter"] = "Idempotency-Key" });

    /// <summary>Maps a scheduler error: 404 unknown jobs, 409 refused transitions, 422 refused descriptions, else as reads do.</summary>
    public static ProblemHttpResult FromCondor(CondorException error, HttpContext http, ApiOptions options) => error switch
    {
        CondorJobNotFoundException => ApiProblems.NotFound(error.Message),
        CondorTransitionRefusedException => TypedResults.Problem(error.Message, statusCode: 409, title: "Transition refused by HTCondor", type: ProblemTypes.TransitionRefused),
        CondorSubmitRejectedException => TypedResults.Problem(error.Message, statusCode: 422, title: "condor_submit refused the description", type: ProblemTypes.SubmitRejected),
        _ => ApiProblems.FromCondor(error, http, options, "schedd"),
    };
}
