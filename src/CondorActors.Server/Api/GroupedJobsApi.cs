using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary><c>/v1/grouped_jobs/{schedd}/{groupby}[/{cluster}]</c> and the same for <c>/v1/grouped_history</c>.</summary>
internal static class GroupedJobsApi
{
    public static IEndpointRouteBuilder MapGroupedJobsApi(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints.MapGroup("/v1/grouped_jobs").WithTags("Jobs"), JobSource.Queue, "GroupedJobs", "Jobs in the queue");
        Map(endpoints.MapGroup("/v1/grouped_history").WithTags("History"), JobSource.History, "GroupedHistory", "Finished jobs");
        return endpoints;
    }

    private static void Map(RouteGroupBuilder group, JobSource source, string name, string what)
    {
        group.MapGet("/{schedd}/{groupby}", (HttpContext http, string schedd, string groupby, string? constraint, string? projection, CondorQueries queries, ApiServices api) =>
                GetAsync(http, source, schedd, groupby, null, constraint, projection, queries, api))
            .WithName($"Get{name}").WithSummary($"{what} of a schedd, grouped by an attribute's value.");
        group.MapGet("/{schedd}/{groupby}/{cluster:int}", (HttpContext http, string schedd, string groupby, int cluster, string? constraint, string? projection, CondorQueries queries, ApiServices api) =>
                GetAsync(http, source, schedd, groupby, cluster, constraint, projection, queries, api))
            .WithName($"Get{name}OfCluster").WithSummary($"{what} of one cluster, grouped by an attribute's value.");
    }

    private static async Task<Results<JsonBodyResult, ProblemHttpResult>> GetAsync(
        HttpContext http, JobSource source, string schedd, string groupBy, int? cluster, string? constraintText, string? projectionText, CondorQueries queries, ApiServices api)
    {
        var problem = ParsedParameters.First(
            (ParsedParameters.Attribute("groupby", groupBy) is null ? null : ApiProblems.InvalidParameter("groupby", $"Invalid attribute for grouping: {groupBy}")),
            ParsedParameters.Projection(projectionText, out var projection),
            ParsedParameters.Constraint(constraintText, out var constraint));
        if (problem is not null)
        {
            return problem;
        }

        var fetched = projection is null ? null : projection.Append(groupBy).ToList();
        var read = source.Read(ApiServices.Schedd(schedd), cluster, null, constraint, fetched, api.Options.MaxResults > 0 ? api.Options.MaxResults : null);
        try
        {
            var answer = await queries.ReadAdsAsync(read, http.RequestAborted).ConfigureAwait(false);
            var shape = AdShape.For(AdShape.ItemKind.Job, fetched, api.Options.RedactedJobAttributes, groupBy);
            return await Groups.CollectAsync(answer, groupBy, shape, http.RequestAborted).ConfigureAwait(false);
        }
        catch (CondorException error)
        {
            return ApiProblems.FromCondor(error, http, api.Options, source.Service);
        }
    }
}
