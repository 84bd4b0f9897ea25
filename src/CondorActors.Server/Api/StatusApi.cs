using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>
/// <c>/v1/status[/{name}]</c> and <c>/v1/grouped_status/{groupby}[/{name}]</c>: collector ads as
/// <c>{"name", "type", "classad"}</c>. <c>query</c> picks the ad type (restd's default: any).
/// No matching ad is an empty list, as in the newest htcondor-restd.
/// </summary>
internal static class StatusApi
{
    private static readonly Dictionary<string, StatusAdType> AdTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["startd"] = StatusAdType.Startd,
        ["schedd"] = StatusAdType.Schedd,
        ["master"] = StatusAdType.Master,
        ["collector"] = StatusAdType.Collector,
        ["negotiator"] = StatusAdType.Negotiator,
        ["submitter"] = StatusAdType.Submitter,
        ["any"] = StatusAdType.Any,
    };

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var status = endpoints.MapGroup("/v1/status").WithTags("Status");
        status.MapGet("/", (HttpContext http, [AsParameters] ListParameters parameters, string? query, CondorQueries queries, ApiServices api) =>
                ListAsync(http, null, query, parameters, queries, api))
            .WithName("GetStatus").WithSummary("Collector ads of a type (query=startd|schedd|master|collector|negotiator|submitter|any).");
        status.MapGet("/{name}", (HttpContext http, string name, [AsParameters] ListParameters parameters, string? query, CondorQueries queries, ApiServices api) =>
                ListAsync(http, name, query, parameters, queries, api))
            .WithName("GetStatusByName").WithSummary("Collector ads with this Name.");

        var grouped = endpoints.MapGroup("/v1/grouped_status").WithTags("Status");
        grouped.MapGet("/{groupby}", (HttpContext http, string groupby, string? query, string? constraint, string? projection, CondorQueries queries, ApiServices api) =>
                GroupedAsync(http, groupby, null, query, constraint, projection, queries, api))
            .WithName("GetGroupedStatus").WithSummary("Collector ads grouped by an attribute's value.");
        grouped.MapGet("/{groupby}/{name}", (HttpContext http, string groupby, string name, string? query, string? constraint, string? projection, CondorQueries queries, ApiServices api) =>
                GroupedAsync(http, groupby, name, query, constraint, projection, queries, api))
            .WithName("GetGroupedStatusByName").WithSummary("Collector ads with this Name, grouped by an attribute's value.");
        return endpoints;
    }

    private static async Task<Results<AdListResult, ProblemHttpResult>> ListAsync(
        HttpContext http, string? name, string? adType, ListParameters parameters, CondorQueries queries, ApiServices api)
    {
        var problem = ParsedParameters.First(
            AdType(adType, out var type),
            ParsedParameters.Projection(parameters.Projection, out var projection),
            ParsedParameters.Constraint(parameters.Constraint, out var constraint),
            ParsedParameters.Limit(parameters.Limit, api.Options, out var limit));
        if (problem is not null)
        {
            return problem;
        }

        var baseQuery = new StatusQuery { AdType = type, Name = name, Constraint = constraint, Projection = projection };
        var queryKey = new ReadStatus(baseQuery).Key;
        PagePosition? position = null;
        if (!string.IsNullOrEmpty(parameters.Cursor) && (position = api.Cursors.Read(parameters.Cursor, queryKey)) is null)
        {
            return ApiProblems.InvalidParameter("cursor", "Invalid cursor: it was altered, or belongs to another query or an earlier server run.");
        }

        var buffered = limit is { } size && size <= api.Options.MaxPageSize;
        var skip = position?.Offset ?? 0;
        int? commandLimit = limit is { } n ? skip + n + (buffered ? 1 : 0) : null;
        AdAnswer answer;
        try
        {
            answer = await queries.ReadAdsAsync(new ReadStatus(baseQuery with { Limit = commandLimit }), http.RequestAborted).ConfigureAwait(false);
        }
        catch (CondorException error)
        {
            return ApiProblems.FromCondor(error, http, api.Options, "collector");
        }

        var shape = AdShape.For(AdShape.ItemKind.Status, projection, []);
        return new AdListResult(answer, shape, skip, limit, buffered, (_, offset) => api.Cursors.Create(queryKey, new PagePosition(null, null, offset)), api.Options, api.Logger);
    }

    private static async Task<Results<JsonBodyResult, ProblemHttpResult>> GroupedAsync(
        HttpContext http, string groupBy, string? name, string? adType, string? constraintText, string? projectionText, CondorQueries queries, ApiServices api)
    {
        var problem = ParsedParameters.First(
            (ParsedParameters.Attribute("groupby", groupBy) is null ? null : ApiProblems.InvalidParameter("groupby", $"Invalid attribute for grouping: {groupBy}")),
            AdType(adType, out var type),
            ParsedParameters.Projection(projectionText, out var projection),
            ParsedParameters.Constraint(constraintText, out var constraint));
        if (problem is not null)
        {
            return problem;
        }

        var fetched = projection is null ? null : projection.Append(groupBy).ToList();
        var query = new StatusQuery { AdType = type, Name = name, Constraint = constraint, Projection = fetched, Limit = api.Options.MaxResults > 0 ? api.Options.MaxResults : null };
        try
        {
            var answer = await queries.ReadAdsAsync(new ReadStatus(query), http.RequestAborted).ConfigureAwait(false);
            return await Groups.CollectAsync(answer, groupBy, AdShape.For(AdShape.ItemKind.Status, fetched, [], groupBy), http.RequestAborted).ConfigureAwait(false);
        }
        catch (CondorException error)
        {
            return ApiProblems.FromCondor(error, http, api.Options, "collector");
        }
    }

    private static ProblemHttpResult? AdType(string? text, out StatusAdType type)
    {
        type = StatusAdType.Any;
        if (string.IsNullOrWhiteSpace(text) || AdTypes.TryGetValue(text.Trim(), out type))
        {
            return null;
        }

        return ApiProblems.InvalidParameter("query", $"Invalid ad type: {text} (one of {string.Join(", ", AdTypes.Keys)})");
    }
}
