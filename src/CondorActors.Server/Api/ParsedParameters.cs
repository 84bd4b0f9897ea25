using System.Globalization;
using CondorActors.Domain.ClassAds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>
/// Validates and shapes request parameters before anything runs: projection names against
/// <c>[A-Za-z_][A-Za-z0-9_]*</c>, the constraint with the ClassAd parser (a syntax error names the
/// position), limit as a positive integer (lowered to the configured caps). Each parse returns a
/// problem or null.
/// </summary>
internal static class ParsedParameters
{
    /// <summary>The first problem of several checks (all of which ran, so every out value is set).</summary>
    public static ProblemHttpResult? First(params ProblemHttpResult?[] problems) => problems.FirstOrDefault(problem => problem is not null);

    /// <summary>Comma-separated attribute names; null or empty means whole ads.</summary>
    public static ProblemHttpResult? Projection(string? text, out IReadOnlyList<string>? projection)
    {
        projection = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries);
        var bad = names.Where(name => !ClassAdExpression.IsValidAttributeName(name)).Distinct().ToList();
        if (bad.Count > 0)
        {
            return ApiProblems.InvalidParameter("projection", $"Invalid attribute(s) in projection: {string.Join(", ", bad)}");
        }

        projection = names;
        return null;
    }

    public static ProblemHttpResult? Constraint(string? text, out string? constraint)
    {
        constraint = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (constraint is null || ClassAdExpression.TryParse(constraint, out _, out var error))
        {
            return null;
        }

        return ApiProblems.InvalidParameter("constraint", $"Invalid constraint at position {error.Offset}: {error.Message}", error.Offset);
    }

    public static ProblemHttpResult? Attribute(string parameter, string name) =>
        ClassAdExpression.IsValidAttributeName(name) ? null : ApiProblems.InvalidParameter(parameter, $"Invalid attribute: {name}");

    /// <summary>The number of items to return: the limit asked for, within max-page-size and max-results; null for all.</summary>
    public static ProblemHttpResult? Limit(string? text, ApiOptions options, out int? limit)
    {
        limit = options.MaxResults > 0 ? options.MaxResults : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
        {
            return ApiProblems.InvalidParameter("limit", $"Bad value for limit: {text} (a positive integer)");
        }

        limit = Math.Min(asked, options.MaxPageSize);
        if (options.MaxResults > 0)
        {
            limit = Math.Min(limit.Value, options.MaxResults);
        }

        return null;
    }

    /// <summary>Unix seconds or an ISO 8601 time.</summary>
    public static ProblemHttpResult? Since(string? text, out DateTimeOffset? since)
    {
        since = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            since = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            since = time;
            return null;
        }

        return ApiProblems.InvalidParameter("since", $"Bad value for since: {text} (Unix seconds or an ISO 8601 time)");
    }
}
