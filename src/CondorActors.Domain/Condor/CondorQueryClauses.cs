using System.Globalization;

namespace CondorActors.Domain.Condor;

/// <summary>Constraint clauses the gateway adds for query fields that the tools have no portable flag for.</summary>
internal static class CondorQueryClauses
{
    /// <summary><c>Since</c> as <c>EnteredCurrentStatus &gt;= T</c> (the time a job entered its final state).</summary>
    public static IEnumerable<string> History(HistoryQuery query)
    {
        if (query.Since is { } since)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"EnteredCurrentStatus >= {since.ToUnixTimeSeconds()}");
        }
    }

    /// <summary>A Name selects one ad by exact (case-sensitive, <c>=?=</c>) name.</summary>
    public static IEnumerable<string> Status(StatusQuery query)
    {
        if (query.Name is { } name)
        {
            yield return $"Name =?= {CondorConstraint.Quote(name)}";
        }
    }
}
