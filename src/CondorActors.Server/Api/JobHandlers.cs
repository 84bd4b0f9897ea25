using System.Globalization;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>Handlers of the job routes: parameters to a read, the answer to restd's JSON shapes.</summary>
internal static class JobHandlers
{
    /// <summary>
    /// A list of jobs. Pages of the queue resume after the last job id (pushed into the
    /// constraint, so a page costs one short command); pages of the history resume after an
    /// offset (the history has no key to resume from, and grows at its newest end).
    /// </summary>
    public static async Task<Results<AdListResult, ProblemHttpResult>> ListAsync(
        HttpContext http, JobSource source, string? schedd, int? cluster, ListParameters parameters, CondorQueries queries, ApiServices api)
    {
        DateTimeOffset? since = null;
        var problem = ParsedParameters.First(
            ParsedParameters.Projection(parameters.Projection, out var projection),
            ParsedParameters.Constraint(parameters.Constraint, out var constraint),
            ParsedParameters.Limit(parameters.Limit, api.Options, out var limit),
            (source.IsHistory ? ParsedParameters.Since(http.Request.Query["since"], out since) : null));
        if (problem is not null)
        {
            return problem;
        }

        schedd = ApiServices.Schedd(schedd);
        var queryKey = source.Read(schedd, cluster, null, constraint, projection, null, since).Key;
        PagePosition? position = null;
        if (!string.IsNullOrEmpty(parameters.Cursor) && (position = api.Cursors.Read(parameters.Cursor, queryKey)) is null)
        {
            return ApiProblems.InvalidParameter("cursor", "Invalid cursor: it was altered, or belongs to another query or an earlier server run.");
        }

        var buffered = limit is { } size && size <= api.Options.MaxPageSize;
        var skip = source.IsHistory ? position?.Offset ?? 0 : 0;
        if (!source.IsHistory && position is { Cluster: { } afterCluster, Proc: { } afterProc })
        {
            var after = string.Create(CultureInfo.InvariantCulture, $"ClusterId > {afterCluster} || (ClusterId == {afterCluster} && ProcId > {afterProc})");
            constraint = constraint is null ? after : $"({constraint}) && ({after})";
        }

        // One more than the page tells whether another page follows.
        int? commandLimit = limit is { } n ? skip + n + (buffered ? 1 : 0) : null;
        var read = source.Read(schedd, cluster, null, constraint, projection, commandLimit, since);
        AdAnswer answer;
        try
        {
            answer = await queries.ReadAdsAsync(read, http.RequestAborted).ConfigureAwait(false);
        }
        catch (CondorException error)
        {
            return ApiProblems.FromCondor(error, http, api.Options, source.Service);
        }

        var shape = AdShape.For(AdShape.ItemKind.Job, projection, api.Options.RedactedJobAttributes);
        Func<ClassAd, int, string> next = source.IsHistory
            ? (_, offset) => api.Cursors.Create(queryKey, new PagePosition(null, null, offset))
            : (last, _) => api.Cursors.Create(queryKey, JobPosition(last));
        return new AdListResult(answer, shape, skip, limit, buffered, next, api.Options, api.Logger);
    }

    /// <summary>One job as an object; 404 "No matching jobs" when there is none.</summary>
    public static async Task<Results<JsonBodyResult, ProblemHttpResult>> GetJobAsync(
        HttpContext http, JobSource source, string? schedd, int cluster, int proc, string? projectionText, CondorQueries queries, ApiServices api)
    {
        if (ParsedParameters.Projection(projectionText, out var projection) is { } problem)
        {
            return problem;
        }

        var (ad, error) = await FindJobAsync(http, source, schedd, cluster, proc, projection, queries, api).ConfigureAwait(false);
        if (ad is null)
        {
            return error!;
        }

        var shape = AdShape.For(AdShape.ItemKind.Job, projection, api.Options.RedactedJobAttributes);
        return JsonBodyResult.Of(writer => shape.WriteItem(writer, ad));
    }

    /// <summary>One attribute's value; 404 "Undefined attribute" when the job lacks it.</summary>
    public static async Task<Results<JsonBodyResult, ProblemHttpResult>> GetAttributeAsync(
        HttpContext http, JobSource source, string? schedd, int cluster, int proc, string attribute, CondorQueries queries, ApiServices api)
    {
        if (ParsedParameters.Attribute("attribute", attribute) is { } problem)
        {
            return problem;
        }

        var (ad, error) = await FindJobAsync(http, source, schedd, cluster, proc, [attribute], queries, api).ConfigureAwait(false);
        if (ad is null)
        {
            return error!;
        }

        if (!ad.Contains(attribute))
        {
            return ApiProblems.NotFound($"Undefined attribute: {attribute}");
        }

        var shaped = AdShape.For(AdShape.ItemKind.Job, [attribute], api.Options.RedactedJobAttributes).Apply(ad);
        return JsonBodyResult.Of(writer => AdShape.WriteAttributeValue(writer, shaped, attribute));
    }

    private static async Task<(ClassAd? Ad, ProblemHttpResult? Problem)> FindJobAsync(
        HttpContext http, JobSource source, string? schedd, int cluster, int proc, IReadOnlyList<string>? projection, CondorQueries queries, ApiServices api)
    {
        try
        {
            var read = source.Read(ApiServices.Schedd(schedd), cluster, proc, null, projection, 1);
            await using var answer = await queries.ReadAdsAsync(read, http.RequestAborted).ConfigureAwait(false);
            await foreach (var ad in ((IAsyncEnumerable<ClassAd>)answer).ConfigureAwait(false))
            {
                return (ad, null);
            }

            return (null, ApiProblems.NotFound("No matching jobs"));
        }
        catch (CondorException error)
        {
            return (null, ApiProblems.FromCondor(error, http, api.Options, source.Service));
        }
    }

    private static PagePosition JobPosition(ClassAd ad) =>
        ad.Evaluate("ClusterId").TryGetInteger(out var cluster) && ad.Evaluate("ProcId").TryGetInteger(out var proc)
            ? new PagePosition((int)cluster, (int)proc, null)
            : throw new InvalidOperationException("A job ad without ClusterId and ProcId cannot be paged.");
}
