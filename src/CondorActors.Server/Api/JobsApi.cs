using CondorActors.Domain.Condor.Queries;

namespace CondorActors.Server.Api;

/// <summary>
/// <c>/v1/jobs</c> and <c>/v1/history</c> with htcondor-restd's routes: with and without a schedd
/// segment (<c>DEFAULT</c> = the local schedd). A purely numeric first segment is a cluster: the
/// <c>int</c> route constraint gives those routes precedence over the schedd ones.
/// </summary>
internal static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        MapSource(endpoints.MapGroup("/v1/jobs").WithTags("Jobs"), JobSource.Queue, "Jobs", "jobs in the queue");
        MapSource(endpoints.MapGroup("/v1/history").WithTags("History"), JobSource.History, "History", "finished jobs in the history");
        return endpoints;
    }

    private static void MapSource(RouteGroupBuilder group, JobSource source, string name, string what)
    {
        group.MapGet("/", (HttpContext http, [AsParameters] ListParameters query, CondorQueries queries, ApiServices api) =>
                JobHandlers.ListAsync(http, source, null, null, query, queries, api))
            .WithName($"Get{name}").WithSummary($"All {what}.");
        group.MapGet("/{cluster:int}", (HttpContext http, int cluster, [AsParameters] ListParameters query, CondorQueries queries, ApiServices api) =>
                JobHandlers.ListAsync(http, source, null, cluster, query, queries, api))
            .WithName($"Get{name}OfCluster").WithSummary($"The {what} of one cluster.");
        group.MapGet("/{cluster:int}/{proc:int}", (HttpContext http, int cluster, int proc, string? projection, CondorQueries queries, ApiServices api) =>
                JobHandlers.GetJobAsync(http, source, null, cluster, proc, projection, queries, api))
            .WithName($"Get{name}Job").WithSummary($"One of the {what}, as an object.");
        group.MapGet("/{cluster:int}/{proc:int}/{attribute}", (HttpContext http, int cluster, int proc, string attribute, CondorQueries queries, ApiServices api) =>
                JobHandlers.GetAttributeAsync(http, source, null, cluster, proc, attribute, queries, api))
            .WithName($"Get{name}JobAttribute").WithSummary($"One attribute of one of the {what}.");
        group.MapGet("/{schedd}", (HttpContext http, string schedd, [AsParameters] ListParameters query, CondorQueries queries, ApiServices api) =>
                JobHandlers.ListAsync(http, source, schedd, null, query, queries, api))
            .WithName($"GetSchedd{name}").WithSummary($"All {what} of a schedd (DEFAULT = the local one).");
        group.MapGet("/{schedd}/{cluster:int}", (HttpContext http, string schedd, int cluster, [AsParameters] ListParameters query, CondorQueries queries, ApiServices api) =>
                JobHandlers.ListAsync(http, source, schedd, cluster, query, queries, api))
            .WithName($"GetSchedd{name}OfCluster").WithSummary($"The {what} of one cluster of a schedd.");
        group.MapGet("/{schedd}/{cluster:int}/{proc:int}", (HttpContext http, string schedd, int cluster, int proc, string? projection, CondorQueries queries, ApiServices api) =>
                JobHandlers.GetJobAsync(http, source, schedd, cluster, proc, projection, queries, api))
            .WithName($"GetSchedd{name}Job").WithSummary($"One of the {what} of a schedd, as an object.");
        group.MapGet("/{schedd}/{cluster:int}/{proc:int}/{attribute}", (HttpContext http, string schedd, int cluster, int proc, string attribute, CondorQueries queries, ApiServices api) =>
                JobHandlers.GetAttributeAsync(http, source, schedd, cluster, proc, attribute, queries, api))
            .WithName($"GetSchedd{name}JobAttribute").WithSummary($"One attribute of one of the {what} of a schedd.");
    }
}
