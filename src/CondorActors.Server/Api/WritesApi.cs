using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Writes;

namespace CondorActors.Server.Api;

/// <summary>
/// The write routes: <c>POST /v1/jobs</c>, <c>DELETE /v1/jobs/{cluster}[/{proc}]</c>,
/// <c>POST /v1/jobs/{cluster}[/{proc}]/hold|release|vacate</c>, their bulk forms with a required
/// <c>constraint</c> (<c>DELETE /v1/jobs?constraint=</c>, <c>POST /v1/jobs/hold?constraint=</c>), and
/// the old deployment's <c>POST /submit</c>.
/// </summary>
internal static class WritesApi
{
    private static readonly (string Segment, JobAction Action)[] PostActions =
        [("hold", JobAction.Hold), ("release", JobAction.Release), ("vacate", JobAction.Vacate)];

    public static IEndpointRouteBuilder MapWritesApi(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/v1/jobs").WithTags("Job control");
        jobs.MapPost("/", SubmitHandlers.SubmitAsync)
            .WithName("SubmitJobs").WithSummary("Submit count jobs of one JSON description (Idempotency-Key honoured).");
        endpoints.MapPost("/submit", SubmitHandlers.SubmitAsync).WithTags("Job control")
            .WithName("SubmitJobsCompat").WithSummary("The old deployment's submit route; same body and answer as POST /v1/jobs.");

        jobs.MapDelete("/", (HttpContext http, string? constraint, CondorWrites writes, ApiServices api) =>
                JobControlHandlers.ActOnConstraintAsync(http, JobAction.Remove, constraint, writes, api))
            .WithName("RemoveJobsMatching").WithSummary("Remove the jobs matching a constraint (required).");
        jobs.MapDelete("/{cluster:int}", (HttpContext http, int cluster, CondorWrites writes, ICondorGateway gateway, ApiServices api) =>
                JobControlHandlers.ActAsync(http, JobAction.Remove, cluster, null, writes, gateway, api))
            .WithName("RemoveCluster").WithSummary("Remove every job of a cluster.");
        jobs.MapDelete("/{cluster:int}/{proc:int}", (HttpContext http, int cluster, int proc, CondorWrites writes, ICondorGateway gateway, ApiServices api) =>
                JobControlHandlers.ActAsync(http, JobAction.Remove, cluster, proc, writes, gateway, api))
            .WithName("RemoveJob").WithSummary("Remove one job.");

        foreach (var (segment, action) in PostActions)
        {
            var name = char.ToUpperInvariant(segment[0]) + segment[1..];
            jobs.MapPost("/" + segment, (HttpContext http, string? constraint, CondorWrites writes, ApiServices api) =>
                    JobControlHandlers.ActOnConstraintAsync(http, action, constraint, writes, api))
                .WithName($"{name}JobsMatching").WithSummary($"{name} the jobs matching a constraint (required).");
            jobs.MapPost("/{cluster:int}/" + segment, (HttpContext http, int cluster, CondorWrites writes, ICondorGateway gateway, ApiServices api) =>
                    JobControlHandlers.ActAsync(http, action, cluster, null, writes, gateway, api))
                .WithName($"{name}Cluster").WithSummary($"{name} every job of a cluster.");
            jobs.MapPost("/{cluster:int}/{proc:int}/" + segment, (HttpContext http, int cluster, int proc, CondorWrites writes, ICondorGateway gateway, ApiServices api) =>
                    JobControlHandlers.ActAsync(http, action, cluster, proc, writes, gateway, api))
                .WithName($"{name}Job").WithSummary($"{name} one job.");
        }

        return endpoints;
    }
}
