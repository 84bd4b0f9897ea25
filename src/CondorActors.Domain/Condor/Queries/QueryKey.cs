using System.Globalization;
using System.Text;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Queries;

/// <summary>
/// Normalized text keys for reads: fields in a fixed order, constraints in canonical ClassAd text
/// (so <c>Owner=="a"</c> and <c>Owner == "a"</c> share), projections lower-cased, de-duplicated and
/// sorted (attribute names are case-insensitive and JSON key order carries no meaning).
/// </summary>
internal static class QueryKey
{
    public static string For(JobQuery query) => new StringBuilder("jobs")
        .Field(query.Schedd).Field(query.Pool).Field(query.Cluster).Field(query.Proc).Field(query.Limit)
        .Field(Projection(query.Projection)).Field(Constraint(query.Constraint)).ToString();

    public static string For(HistoryQuery query) => new StringBuilder("history")
        .Field(query.Schedd).Field(query.Pool).Field(query.Cluster).Field(query.Proc).Field(query.Limit)
        .Field(query.Since?.ToUnixTimeSeconds()).Field(Projection(query.Projection)).Field(Constraint(query.Constraint)).ToString();

    public static string For(StatusQuery query) => new StringBuilder("status")
        .Field(query.AdType.ToString()).Field(query.Pool).Field(query.Name).Field(query.Limit)
        .Field(Projection(query.Projection)).Field(Constraint(query.Constraint)).ToString();

    public static string For(ConfigQuery query) => new StringBuilder("config")
        .Field(query.Daemon?.ToString()).Field(query.DaemonName).Field(query.Pool)
        .Field(string.Join(",", query.Names.Select(name => name.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)))
        .ToString();

    private static string? Projection(IReadOnlyList<string>? projection) => projection is null
        ? null
        : string.Join(",", projection.Select(name => name.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    /// <summary>Canonical text when the constraint parses; the gateway rejects it otherwise, so the raw text is as good a key.</summary>
    private static string? Constraint(string? constraint)
    {
        if (string.IsNullOrWhiteSpace(constraint))
        {
            return null;
        }

        return ClassAdExpression.TryParse(constraint, out var parsed, out _) ? parsed.ToString() : constraint.Trim();
    }

    // '\u001f' (unit separator) cannot appear in a valid schedd name or projection; a constraint
    // comes last, so whatever it contains cannot shift another field.
    private static StringBuilder Field(this StringBuilder builder, string? value) =>
        builder.Append('\u001f').Append(value is null ? "\u0000" : value);

    private static StringBuilder Field(this StringBuilder builder, long? value) =>
        builder.Field(value?.ToString(CultureInfo.InvariantCulture));
}
