using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;

namespace CondorActors.Server.Api;

/// <summary>The queue (<c>/v1/jobs</c>) or the history (<c>/v1/history</c>): same routes and shapes, different reads.</summary>
internal sealed record JobSource(string Name, bool IsHistory)
{
    public static JobSource Queue { get; } = new("jobs", false);

    public static JobSource History { get; } = new("history", true);

    /// <summary>What restd names in its "Error querying ..." messages.</summary>
    public string Service => IsHistory ? "history file" : "schedd";

    public CondorRead Read(string? schedd, int? cluster, int? proc, string? constraint, IReadOnlyList<string>? projection, int? limit, DateTimeOffset? since = null) =>
        IsHistory
            ? new ReadHistory(new HistoryQuery { Schedd = schedd, Cluster = cluster, Proc = proc, Constraint = constraint, Projection = projection, Limit = limit, Since = since })
            : new ReadJobs(new JobQuery { Schedd = schedd, Cluster = cluster, Proc = proc, Constraint = constraint, Projection = projection, Limit = limit });
}
