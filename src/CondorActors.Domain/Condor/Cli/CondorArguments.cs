using System.Globalization;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// The argv of each query shape, for HTCondor 8.7's tools. Pure functions of the query, the
/// prepared constraint and the options, so contract tests can assert them exactly.
/// </summary>
internal static class CondorArguments
{
    /// <summary>
    /// <c>condor_q -json -allusers [-pool P] [-name S] [-constraint C] [-attributes A,B] [CLUSTER[.PROC]]</c>.
    /// <c>-allusers</c>: since 8.5 condor_q shows only the invoking user's jobs by default, and the
    /// REST edge answers for the whole queue like htcondor-restd. Limits are applied by reading only
    /// as many ads as wanted (the tool is then stopped), which works on every version.
    /// </summary>
    public static IReadOnlyList<string> Jobs(JobQuery query, CondorConstraint constraint, CondorOptions options)
    {
        var args = new List<string> { "-json", "-allusers" };
        AddLocation(args, query.Pool ?? options.Pool, query.Schedd ?? options.Schedd);
        AddConstraintAndProjection(args, constraint, CondorIdentity.WithIdentity(query.Projection, CondorIdentity.JobAttributes));
        AddJobId(args, query.Cluster, query.Proc);
        return args;
    }

    /// <summary>
    /// <c>condor_history -json [-pool P] [-name S] [-constraint C] [-attributes A,B] [-limit N] [CLUSTER[.PROC]]</c>.
    /// <c>Since</c> arrives as a clause of the constraint (<c>EnteredCurrentStatus &gt;= T</c>):
    /// 8.7's condor_history documents no time form of <c>-since</c>.
    /// </summary>
    public static IReadOnlyList<string> History(HistoryQuery query, CondorConstraint constraint, CondorOptions options)
    {
        var args = new List<string> { "-json" };
        AddLocation(args, query.Pool ?? options.Pool, query.Schedd ?? options.Schedd);
        AddConstraintAndProjection(args, constraint, CondorIdentity.WithIdentity(query.Projection, CondorIdentity.JobAttributes));
        if (query.Limit is { } limit)
        {
            args.Add("-limit");
            args.Add(limit.ToString(CultureInfo.InvariantCulture));
        }

        AddJobId(args, query.Cluster, query.Proc);
        return args;
    }

    /// <summary><c>condor_status -json -TYPE [-pool P] [-constraint C] [-attributes A,B]</c>; a Name arrives as a constraint clause.</summary>
    public static IReadOnlyList<string> Status(StatusQuery query, CondorConstraint constraint, CondorOptions options)
    {
        var args = new List<string> { "-json", AdTypeFlag(query.AdType) };
        AddLocation(args, query.Pool ?? options.Pool, schedd: null);
        AddConstraintAndProjection(args, constraint, CondorIdentity.WithIdentity(query.Projection, CondorIdentity.StatusAttributes));
        return args;
    }

    /// <summary>
    /// <c>condor_config_val [-pool P] [-name D] [-DAEMON] NAME...</c>, or with <c>-dump -expanded</c>
    /// for every value (without <c>-expanded</c> a dump prints raw values such as <c>$(LOG)/AnnexLog</c>,
    /// while a lookup by name prints expanded ones). 8.7 has no <c>-json</c> here: the text is parsed.
    /// </summary>
    public static IReadOnlyList<string> Config(ConfigQuery query, CondorOptions options)
    {
        var args = new List<string>();
        if (query.Daemon is { } daemon)
        {
            AddLocation(args, query.Pool ?? options.Pool, query.DaemonName);
            args.Add(DaemonFlag(daemon));
        }
        else if (query.DaemonName is not null)
        {
            throw new ArgumentException("A daemon name needs a daemon kind", nameof(query));
        }

        if (query.IsDump)
        {
            args.Add("-dump");
            args.Add("-expanded");
        }
        else
        {
            foreach (var name in query.Names)
            {
                ValidateConfigName(name);
                args.Add(name);
            }
        }

        return args;
    }

    public static string AdTypeFlag(StatusAdType type) => type switch
    {
        StatusAdType.Startd => "-startd",
        StatusAdType.Schedd => "-schedd",
        StatusAdType.Master => "-master",
        StatusAdType.Collector => "-collector",
        StatusAdType.Negotiator => "-negotiator",
        StatusAdType.Submitter => "-submitters",
        StatusAdType.Any => "-any",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ad type"),
    };

    public static string DaemonFlag(CondorDaemonKind daemon) => daemon switch
    {
        CondorDaemonKind.Master => "-master",
        CondorDaemonKind.Schedd => "-schedd",
        CondorDaemonKind.Startd => "-startd",
        CondorDaemonKind.Collector => "-collector",
        CondorDaemonKind.Negotiator => "-negotiator",
        _ => throw new ArgumentOutOfRangeException(nameof(daemon), daemon, "unknown daemon"),
    };

    /// <summary>
    /// Configuration names are identifiers, optionally with a subsystem or local-name prefix
    /// (<c>SCHEDD.MAX_JOBS_RUNNING</c>). Anything else, above all a leading '-', would be read as an option.
    /// </summary>
    public static void ValidateConfigName(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_')
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
        {
            throw new ArgumentException($"'{name}' is not a valid configuration name", nameof(name));
        }
    }

    private static void AddLocation(List<string> args, string? pool, string? schedd)
    {
        if (!string.IsNullOrWhiteSpace(pool))
        {
            args.Add("-pool");
            args.Add(pool);
        }

        if (!string.IsNullOrWhiteSpace(schedd))
        {
            args.Add("-name");
            args.Add(schedd);
        }
    }

    private static void AddConstraintAndProjection(List<string> args, CondorConstraint constraint, IReadOnlyList<string>? projection)
    {
        if (constraint.ToolText is { } text)
        {
            args.Add("-constraint");
            args.Add(text);
        }

        if (projection is not null)
        {
            args.Add("-attributes");
            args.Add(string.Join(',', projection));
        }
    }

    private static void AddJobId(List<string> args, int? cluster, int? proc)
    {
        if (cluster is { } c)
        {
            args.Add(proc is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{c}.{p}")
                : c.ToString(CultureInfo.InvariantCulture));
        }
        else if (proc is not null)
        {
            throw new ArgumentException("A proc id needs a cluster id", nameof(proc));
        }
    }
}
