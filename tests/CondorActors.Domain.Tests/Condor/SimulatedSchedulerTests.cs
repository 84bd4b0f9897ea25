using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>The simulated schedd's writes behave as HTCondor's tools do (recorded messages).</summary>
public sealed class SimulatedSchedulerTests
{
    private const string Description = "universe = vanilla\nexecutable = /bin/sleep\n+CondorActorsRequestId = \"r-1\"\n+CondorActorsSubmitter = \"alice\"\n";

    [Fact]
    public async Task Submit_queues_count_jobs_in_one_cluster_carrying_the_attributes()
    {
        var pool = new SimulatedCondorPool(new SimulatedPoolOptions { SeedJobs = 3 });

        var submitted = await pool.SubmitAsync(Description, 5);

        Assert.Equal(new SubmittedJobs(2, 0, 4), submitted);
        Assert.Equal(1, pool.SubmitCalls);
        var ads = await pool.QueryJobsAsync(new JobQuery { Constraint = "CondorActorsRequestId == \"r-1\"" }).ToListAsync();
        Assert.Equal(5, ads.Count);
        Assert.All(ads, ad => Assert.Equal("/bin/sleep", ad.Evaluate("Cmd").TryGetString(out var cmd) ? cmd : null));
    }

    [Fact]
    public async Task Submit_without_executable_is_rejected_like_condor_submit()
    {
        var pool = new SimulatedCondorPool();

        var error = await Assert.ThrowsAsync<CondorSubmitRejectedException>(() => pool.SubmitAsync("universe = vanilla\n", 1));

        Assert.Equal("ERROR: No 'executable' parameter was provided", error.Message);
        Assert.Equal(0, pool.JobCount);
    }

    [Fact]
    public async Task Hold_release_and_vacate_follow_htcondors_state_rules()
    {
        var pool = new SimulatedCondorPool();
        var ids = pool.SubmitJobs(2, "alice");
        pool.SetJobStatus(ids[1], CondorJobStatus.Running);

        var vacateIdle = await Assert.ThrowsAsync<CondorTransitionRefusedException>(() => pool.ActAsync(JobAction.Vacate, JobTarget.Job(1, 0)));
        var releaseIdle = await Assert.ThrowsAsync<CondorTransitionRefusedException>(() => pool.ActAsync(JobAction.Release, JobTarget.Job(1, 0)));
        var held = await pool.ActAsync(JobAction.Hold, JobTarget.Job(1, 0), "disk full");
        var holdAgain = await Assert.ThrowsAsync<CondorTransitionRefusedException>(() => pool.ActAsync(JobAction.Hold, JobTarget.Job(1, 0)));
        var vacated = await pool.ActAsync(JobAction.Vacate, JobTarget.Job(1, 1));
        var released = await pool.ActAsync(JobAction.Release, JobTarget.Job(1, 0));

        Assert.Equal("Job 1.0 not running to be vacated", vacateIdle.Message);
        Assert.Equal("Job 1.0 not held to be released", releaseIdle.Message);
        Assert.Equal(["Job 1.0 held"], held.Messages);
        Assert.Equal("Job 1.0 already held", holdAgain.Message);
        Assert.Equal(["Job 1.1 vacated"], vacated.Messages);
        Assert.Equal(["Job 1.0 released"], released.Messages);
        Assert.All(new[] { ids[0], ids[1] }, id => Assert.Equal((long)CondorJobStatus.Idle, pool.GetJob(id)!.Evaluate("JobStatus").TryGetInteger(out var s) ? s : -1));
    }

    [Fact]
    public async Task Hold_records_the_reason()
    {
        var pool = new SimulatedCondorPool();
        pool.SubmitJobs(1, "alice");

        await pool.ActAsync(JobAction.Hold, JobTarget.Job(1, 0), "disk full");

        Assert.Equal("disk full", pool.GetJob(new CondorJobId(1, 0))!.Evaluate("HoldReason").TryGetString(out var reason) ? reason : null);
    }

    [Fact]
    public async Task Remove_moves_jobs_to_the_history_as_removed()
    {
        var pool = new SimulatedCondorPool();
        pool.SubmitJobs(3, "alice");

        var result = await pool.ActAsync(JobAction.Remove, JobTarget.ClusterOf(1));

        Assert.Equal(["All jobs in cluster 1 have been marked for removal"], result.Messages);
        Assert.Equal(0, pool.JobCount);
        var history = await pool.QueryHistoryAsync(new HistoryQuery()).ToListAsync();
        Assert.Equal(3, history.Count);
        Assert.All(history, ad => Assert.Equal(3L, ad.Evaluate("JobStatus").TryGetInteger(out var s) ? s : -1));
    }

    [Fact]
    public async Task Unknown_targets_are_not_found_with_the_tools_words()
    {
        var pool = new SimulatedCondorPool();
        pool.SubmitJobs(1, "alice");

        var job = await Assert.ThrowsAsync<CondorJobNotFoundException>(() => pool.ActAsync(JobAction.Remove, JobTarget.Job(99999, 0)));
        var cluster = await Assert.ThrowsAsync<CondorJobNotFoundException>(() => pool.ActAsync(JobAction.Remove, JobTarget.ClusterOf(99999)));
        var constraint = await Assert.ThrowsAsync<CondorJobNotFoundException>(() => pool.ActAsync(JobAction.Hold, JobTarget.Matching("ClusterId == 99999")));

        Assert.Equal("Job 99999.0 not found", job.Message);
        Assert.Equal("Couldn't find/remove all jobs in cluster 99999", cluster.Message);
        Assert.Equal("Couldn't find/hold all jobs matching constraint (ClusterId == 99999)", constraint.Message);
        Assert.Equal(1, pool.JobCount);
    }

    [Fact]
    public async Task Bulk_actions_change_only_matching_jobs()
    {
        var pool = new SimulatedCondorPool();
        pool.SubmitJobs(2, "alice", ClassAd.Parse("[ CondorActorsSubmitter = \"alice\" ]"));
        pool.SubmitJobs(2, "bob", ClassAd.Parse("[ CondorActorsSubmitter = \"bob\" ]"));

        var result = await pool.ActAsync(JobAction.Hold, JobTarget.Matching("CondorActorsSubmitter == \"bob\""));

        Assert.Equal(["Job 2.0 held", "Job 2.1 held"], result.Messages);
        Assert.Equal(2, (await pool.QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 1" }).ToListAsync()).Count);
    }
}
