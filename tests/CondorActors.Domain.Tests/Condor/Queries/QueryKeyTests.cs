using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;

namespace CondorActors.Domain.Tests.Condor.Queries;

public sealed class QueryKeyTests
{
    [Fact]
    public void Projection_order_and_case_do_not_change_the_key() =>
        Assert.Equal(
            new ReadJobs(new JobQuery { Projection = ["Owner", "JobStatus"] }).Key,
            new ReadJobs(new JobQuery { Projection = ["jobstatus", "OWNER", "owner"] }).Key);

    [Fact]
    public void Whole_ads_and_a_projection_have_different_keys() =>
        Assert.NotEqual(new ReadJobs(new JobQuery()).Key, new ReadJobs(new JobQuery { Projection = [] }).Key);

    [Theory]
    [InlineData("Owner == \"a\"", "Owner == \"b\"")]
    [InlineData("Owner == \"a\"", null)]
    public void Different_constraints_have_different_keys(string first, string? second) =>
        Assert.NotEqual(new ReadJobs(new JobQuery { Constraint = first }).Key, new ReadJobs(new JobQuery { Constraint = second }).Key);

    [Fact]
    public void Cluster_proc_and_limit_are_part_of_the_key()
    {
        var keys = new[]
        {
            new ReadJobs(new JobQuery()).Key,
            new ReadJobs(new JobQuery { Cluster = 1 }).Key,
            new ReadJobs(new JobQuery { Cluster = 1, Proc = 0 }).Key,
            new ReadJobs(new JobQuery { Limit = 1 }).Key,
            new ReadHistory(new HistoryQuery()).Key,
            new ReadStatus(new StatusQuery()).Key,
            new ReadStatus(new StatusQuery { AdType = StatusAdType.Schedd }).Key,
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
