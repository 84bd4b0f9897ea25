namespace CondorActors.Domain.Condor.Queries;

/// <summary>
/// One read of HTCondor as the query layer sees it: what to ask the gateway, and the normalized
/// <see cref="Key"/> under which identical reads are coalesced and cached.
/// </summary>
public abstract record CondorRead
{
    private protected CondorRead()
    {
    }

    /// <summary>Two reads with the same key give the same answer; they share one backend command.</summary>
    public abstract string Key { get; }
}

/// <summary>The job queue (<c>condor_q</c>).</summary>
public sealed record ReadJobs(JobQuery Query) : CondorRead
{
    public override string Key { get; } = QueryKey.For(Query);
}

/// <summary>The job history (<c>condor_history</c>).</summary>
public sealed record ReadHistory(HistoryQuery Query) : CondorRead
{
    public override string Key { get; } = QueryKey.For(Query);
}

/// <summary>The collector's ads (<c>condor_status</c>).</summary>
public sealed record ReadStatus(StatusQuery Query) : CondorRead
{
    public override string Key { get; } = QueryKey.For(Query);
}

/// <summary>Configuration values (<c>condor_config_val</c>); answered with a dictionary, not ads.</summary>
public sealed record ReadConfig(ConfigQuery Query) : CondorRead
{
    public override string Key { get; } = QueryKey.For(Query);
}
