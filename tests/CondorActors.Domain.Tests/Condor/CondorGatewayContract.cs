using CondorActors.Domain.Condor;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>
/// What every <see cref="ICondorGateway"/> must answer alike, run against the CLI adapter replaying
/// the real recordings and against the simulated pool loaded with the same recorded ads. Each
/// test names the recording the CLI adapter replays; the simulated pool answers from its state.
/// </summary>
public abstract class CondorGatewayContract
{
    /// <summary>A gateway over the recorded pool; the CLI variant replays <paramref name="recording"/>.</summary>
    private protected abstract ICondorGateway Gateway(string recording);

    [Fact]
    public async Task Running_jobs_by_constraint()
    {
        var jobs = await Gateway("condor_q_-constraint_JobStatus==2_-json").QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 2" }).ToListAsync();

        Assert.Equal(["2.0", "2.1", "2.2", "3.0"], jobs.Select(job => job.JobId()));
        Assert.Equal(["slot1@vm", "slot2@vm", "slot3@vm", "slot4@vm"], jobs.Select(job => job.String("RemoteHost")));
    }

    [Fact]
    public async Task Whole_queue_in_job_order_with_full_ads()
    {
        var jobs = await Gateway("condor_q_-json").QueryJobsAsync(new JobQuery()).ToListAsync();

        Assert.Equal(["2.0", "2.1", "2.2", "3.0", "3.1", "3.2"], jobs.Select(job => job.JobId()));
        Assert.All(jobs, job => Assert.True(job.Count > 80, $"{job.JobId()} has {job.Count} attributes"));
        Assert.Equal("/bin/sleep", jobs[4].String("Cmd"));
    }

    [Fact]
    public async Task Projection_returns_the_asked_attributes_plus_identity()
    {
        var jobs = await Gateway("condor_q_-json_-attributes_ClusterId,ProcId,JobStatus,Owner")
            .QueryJobsAsync(new JobQuery { Projection = ["JobStatus", "Owner"] })
            .ToListAsync();

        Assert.Equal(6, jobs.Count);
        Assert.All(jobs, job => Assert.Equal(
            ["ClusterId", "JobStatus", "Owner", "ProcId"],
            job.Names.Order(StringComparer.OrdinalIgnoreCase)));
        Assert.Equal([2, 2, 2, 2, 1, 1], jobs.Select(job => job.Integer("JobStatus")));
    }

    [Fact]
    public async Task Unknown_job_is_an_empty_answer()
    {
        var jobs = await Gateway("condor_q_-json_-constraint_ClusterId==-1").QueryJobsAsync(new JobQuery { Cluster = 99999, Proc = 0 }).ToListAsync();

        Assert.Empty(jobs);
    }

    [Fact]
    public async Task Constraint_matching_nothing_is_an_empty_answer()
    {
        var jobs = await Gateway("condor_q_-json_-constraint_ClusterId==-1").QueryJobsAsync(new JobQuery { Constraint = "ClusterId == -1" }).ToListAsync();

        Assert.Empty(jobs);
    }

    [Fact]
    public async Task Constraint_false_selects_nothing_whatever_the_tool_would_say()
    {
        var jobs = await Gateway("condor_q_-json_-constraint_false_QUIRK_returns_all").QueryJobsAsync(new JobQuery { Constraint = "false" }).ToListAsync();

        Assert.Empty(jobs);
    }

    [Fact]
    public async Task Bad_constraint_fails_on_the_first_MoveNext_with_its_position()
    {
        var ads = Gateway("condor_q_bad_constraint").QueryJobsAsync(new JobQuery { Constraint = "JobStatus ==" });
        await using var enumerator = ads.GetAsyncEnumerator();

        var error = await Assert.ThrowsAsync<CondorConstraintException>(async () => await enumerator.MoveNextAsync());

        Assert.Equal(12, error.Position);
    }

    [Fact]
    public async Task History_newest_first()
    {
        var jobs = await Gateway("condor_history_-json").QueryHistoryAsync(new HistoryQuery()).ToListAsync();

        Assert.Equal(["3.1", "3.2", "4.1", "4.0", "3.0", "2.2", "2.0", "2.1", "1.1", "1.0"], jobs.Select(job => job.JobId()));
        Assert.All(jobs, job => Assert.Equal(4, job.Integer("JobStatus")));
    }

    [Fact]
    public async Task History_limit_keeps_the_newest()
    {
        var jobs = await Gateway("condor_history_-limit_2_-json").QueryHistoryAsync(new HistoryQuery { Limit = 2 }).ToListAsync();

        Assert.Equal(["3.1", "3.2"], jobs.Select(job => job.JobId()));
    }

    [Fact]
    public async Task History_of_an_unknown_job_is_empty()
    {
        var jobs = await Gateway("condor_history_-json_no_such_job").QueryHistoryAsync(new HistoryQuery { Cluster = 99999, Proc = 0 }).ToListAsync();

        Assert.Empty(jobs);
    }

    [Fact]
    public async Task Slots_of_the_pool()
    {
        var slots = await Gateway("condor_status_-json").QueryStatusAsync(new StatusQuery()).ToListAsync();

        Assert.Equal(["slot1@vm", "slot2@vm", "slot3@vm", "slot4@vm"], slots.Select(slot => slot.String("Name")));
        Assert.All(slots, slot => Assert.Equal("Machine", slot.String("MyType")));
    }

    [Theory]
    [InlineData("condor_status_-schedd_-json", StatusAdType.Schedd, "Scheduler")]
    [InlineData("condor_status_-collector_-json", StatusAdType.Collector, "Collector")]
    [InlineData("condor_status_-master_-json", StatusAdType.Master, "DaemonMaster")]
    [InlineData("condor_status_-negotiator_-json", StatusAdType.Negotiator, "Negotiator")]
    public async Task Daemon_ads_by_type(string recording, StatusAdType type, string myType)
    {
        var ads = await Gateway(recording).QueryStatusAsync(new StatusQuery { AdType = type }).ToListAsync();

        var ad = Assert.Single(ads);
        Assert.Equal(myType, ad.String("MyType"));
    }

    [Fact]
    public async Task Status_constraint_matching_nothing_is_empty()
    {
        var ads = await Gateway("condor_status_-json_-constraint_false").QueryStatusAsync(new StatusQuery { Constraint = "false" }).ToListAsync();

        Assert.Empty(ads);
    }

    [Fact]
    public async Task Another_pool_that_does_not_answer_is_unreachable()
    {
        var ads = Gateway("condor_status_bad_collector").QueryStatusAsync(new StatusQuery { Pool = "127.0.0.1:1" });

        await Assert.ThrowsAsync<CondorUnreachableException>(() => ads.ToListAsync());
    }

    [Fact]
    public async Task Config_value()
    {
        var values = await Gateway("condor_config_val_COLLECTOR_HOST").GetConfigAsync(ConfigQuery.For("COLLECTOR_HOST"));

        Assert.Equal("127.0.0.1:9618", values["COLLECTOR_HOST"]);
    }

    [Fact]
    public async Task Config_value_of_the_running_schedd()
    {
        var values = await Gateway("condor_config_val_-schedd_NEGOTIATOR_INTERVAL")
            .GetConfigAsync(new ConfigQuery { Names = ["NEGOTIATOR_INTERVAL"], Daemon = CondorDaemonKind.Schedd });

        Assert.Equal("5", values["NEGOTIATOR_INTERVAL"]);
    }

    [Fact]
    public async Task Undefined_config_name()
    {
        var error = await Assert.ThrowsAsync<CondorUnknownParameterException>(
            () => Gateway("condor_config_val_NO_SUCH_KNOB").GetConfigAsync(ConfigQuery.For("NO_SUCH_KNOB")));

        Assert.Equal(["NO_SUCH_KNOB"], error.Names);
    }

    [Fact]
    public async Task Several_config_names_with_one_undefined()
    {
        var error = await Assert.ThrowsAsync<CondorUnknownParameterException>(
            () => Gateway("condor_config_val_multi").GetConfigAsync(ConfigQuery.For("COLLECTOR_HOST", "NO_SUCH_KNOB", "NEGOTIATOR_INTERVAL")));

        Assert.Equal(["NO_SUCH_KNOB"], error.Names);
        Assert.Equal(["127.0.0.1:9618", "5"], new[] { error.DefinedValues["COLLECTOR_HOST"], error.DefinedValues["NEGOTIATOR_INTERVAL"] });
    }
}
