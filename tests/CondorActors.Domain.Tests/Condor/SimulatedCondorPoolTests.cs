using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Domain.Tests.Condor;

public sealed class SimulatedCondorPoolTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1795289844);

    [Fact]
    public async Task Default_pool_advertises_daemons_and_four_slots_that_look_recorded()
    {
        var pool = new SimulatedCondorPool();

        var all = await pool.QueryStatusAsync(new StatusQuery { AdType = StatusAdType.Any }).ToListAsync();
        var slots = await pool.QueryStatusAsync(new StatusQuery()).ToListAsync();

        Assert.Equal(["slot1@vm", "slot2@vm", "slot3@vm", "slot4@vm"], slots.Select(slot => slot.String("Name")));
        Assert.All(slots, slot => Assert.True(slot.Count > 100));
        Assert.True(slots[0].Evaluate("Requirements").IsTrue, "START && IsValidCheckpointPlatform holds for the recorded slot");
        Assert.Equal(
            ["Collector", "DaemonMaster", "Machine", "Negotiator", "Scheduler"],
            all.Select(ad => ad.String("MyType")!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Submitted_jobs_get_a_new_cluster_procs_and_idle_status()
    {
        var time = new ManualTime(Start);
        var pool = new SimulatedCondorPool(timeProvider: time);

        var first = pool.SubmitJobs(3, "alice");
        var second = pool.SubmitJobs(1, "bob");
        var jobs = await pool.QueryJobsAsync(new JobQuery()).ToListAsync();

        Assert.Equal([new CondorJobId(1, 0), new CondorJobId(1, 1), new CondorJobId(1, 2)], first);
        Assert.Equal([new CondorJobId(2, 0)], second);
        Assert.Equal(["1.0", "1.1", "1.2", "2.0"], jobs.Select(job => job.JobId()));
        Assert.All(jobs, job => Assert.Equal(1, job.Integer("JobStatus")));
        Assert.Equal(Start.ToUnixTimeSeconds(), jobs[0].Integer("QDate"));
        Assert.Equal("bob", jobs[3].String("Owner"));
        Assert.Equal("bob@localdomain", jobs[3].String("User"));
        Assert.Equal("vm#2.0#1795289844", jobs[3].String("GlobalJobId"));
    }

    [Fact]
    public async Task Status_changes_show_in_queries_with_the_attributes_the_schedd_sets()
    {
        var time = new ManualTime(Start);
        var pool = new SimulatedCondorPool(timeProvider: time);
        var ids = pool.SubmitJobs(3, "alice");
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(pool.SetJobStatus(ids[0], CondorJobStatus.Running, "slot2@vm"));
        Assert.True(pool.SetJobStatus(ids[1], CondorJobStatus.Held, holdReason: "disk full"));
        Assert.False(pool.SetJobStatus(new CondorJobId(99, 0), CondorJobStatus.Running));
        var running = await pool.QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 2" }).ToListAsync();
        var held = pool.GetJob(ids[1])!;

        Assert.Equal("slot2@vm", Assert.Single(running).String("RemoteHost"));
        Assert.Equal(Start.ToUnixTimeSeconds() + 10, running[0].Integer("EnteredCurrentStatus"));
        Assert.Equal(1, running[0].Integer("LastJobStatus"));
        Assert.Equal("disk full", held.String("HoldReason"));
        Assert.Null(held.String("RemoteHost"));

        pool.SetJobStatus(ids[1], CondorJobStatus.Idle);
        Assert.Null(pool.GetJob(ids[1])!.String("HoldReason"));
    }

    [Fact]
    public async Task Finished_jobs_move_to_history_newest_first()
    {
        var time = new ManualTime(Start);
        var pool = new SimulatedCondorPool(timeProvider: time);
        var ids = pool.SubmitJobs(3, "alice");
        pool.SetJobStatus(ids[2], CondorJobStatus.Completed);
        time.Advance(TimeSpan.FromSeconds(5));
        pool.SetJobStatus(ids[0], CondorJobStatus.Removed);

        Assert.Equal(2, pool.ArchiveFinishedJobs());
        var queue = await pool.QueryJobsAsync(new JobQuery()).ToListAsync();
        var history = await pool.QueryHistoryAsync(new HistoryQuery()).ToListAsync();
        var recent = await pool.QueryHistoryAsync(new HistoryQuery { Since = Start.AddSeconds(5) }).ToListAsync();

        Assert.Equal(["1.1"], queue.Select(job => job.JobId()));
        Assert.Equal(["1.0", "1.2"], history.Select(job => job.JobId()));
        Assert.Equal(Start.ToUnixTimeSeconds(), history[1].Integer("CompletionDate"));
        Assert.Equal(0, history[1].Integer("ExitCode"));
        Assert.Equal(["1.0"], recent.Select(job => job.JobId()));
        Assert.Equal(0, pool.ArchiveFinishedJobs());
    }

    [Fact]
    public async Task Invalidate_startd_ads_removes_only_what_the_query_requirements_accept()
    {
        var pool = new SimulatedCondorPool();
        pool.AdvertiseSlot("slot1@glidein1@vm", "vm", ad => ad.Set("GlideinId", ClassAdValue.FromString("g1")));
        pool.AdvertiseSlot("slot2@glidein1@vm", "vm", ad => ad.Set("GlideinId", ClassAdValue.FromString("g1")));

        Assert.Equal(1, pool.InvalidateStartdAds("Name == \"slot1@glidein1@vm\""));
        Assert.Equal(0, pool.InvalidateStartdAds("Name == \"nomatch\""));
        Assert.Equal(1, pool.InvalidateStartdAds("regexp(\"@glidein1@\", Name)"));
        var names = (await pool.QueryStatusAsync(new StatusQuery()).ToListAsync()).Select(ad => ad.String("Name"));

        Assert.Equal(["slot1@vm", "slot2@vm", "slot3@vm", "slot4@vm"], names);
        await Assert.ThrowsAsync<CondorConstraintException>(() => Task.FromResult(pool.InvalidateStartdAds("Name ==")));
    }

    [Fact]
    public async Task Advertising_the_same_name_again_replaces_the_ad_and_updates_are_copies()
    {
        var pool = new SimulatedCondorPool();
        var before = (await pool.QueryStatusAsync(new StatusQuery { Name = "slot1@vm" }).ToListAsync()).Single();

        pool.AdvertiseSlot("slot1@vm", "vm", ad => ad.Set("State", ClassAdValue.FromString("Claimed")));
        Assert.True(pool.UpdateAd("Machine", "slot1@vm", ad => ad.Set("Activity", ClassAdValue.FromString("Busy"))));
        Assert.False(pool.UpdateAd("Machine", "slot9@vm", _ => { }));
        var after = (await pool.QueryStatusAsync(new StatusQuery { Name = "slot1@vm" }).ToListAsync()).Single();

        Assert.Equal("Unclaimed", before.String("State"));
        Assert.Equal("Claimed", after.String("State"));
        Assert.Equal("Busy", after.String("Activity"));
        Assert.Equal(4, (await pool.QueryStatusAsync(new StatusQuery()).ToListAsync()).Count);
    }

    [Fact]
    public async Task Submitter_ads_count_each_owners_jobs()
    {
        var pool = new SimulatedCondorPool();
        var ids = pool.SubmitJobs(3, "alice");
        pool.SubmitJobs(1, "bob");
        pool.SetJobStatus(ids[0], CondorJobStatus.Running);

        var submitters = await pool.QueryStatusAsync(new StatusQuery { AdType = StatusAdType.Submitter }).ToListAsync();

        Assert.Equal(["alice@localdomain", "bob@localdomain"], submitters.Select(ad => ad.String("Name")));
        Assert.Equal([1L, 2L, 0L], new[] { submitters[0].Integer("RunningJobs")!.Value, submitters[0].Integer("IdleJobs")!.Value, submitters[0].Integer("HeldJobs")!.Value });
    }

    [Fact]
    public async Task Unknown_schedd_is_not_found_and_known_one_answers()
    {
        var pool = new SimulatedCondorPool();
        pool.SubmitJobs(1, "alice");

        Assert.Single(await pool.QueryJobsAsync(new JobQuery { Schedd = "VM" }).ToListAsync());
        var error = await Assert.ThrowsAsync<CondorNotFoundException>(() => pool.QueryJobsAsync(new JobQuery { Schedd = "nosuch" }).ToListAsync());
        Assert.Equal("nosuch", error.Name);
    }

    [Fact]
    public async Task Config_defaults_changes_dump_and_daemons()
    {
        var pool = new SimulatedCondorPool();
        pool.SetConfig("MY_KNOB", "42");

        var values = await pool.GetConfigAsync(ConfigQuery.For("collector_host", "MY_KNOB"));
        var dump = await pool.GetConfigAsync(ConfigQuery.All);
        var fromSchedd = await pool.GetConfigAsync(new ConfigQuery { Names = ["CLASSAD_LIFETIME"], Daemon = CondorDaemonKind.Schedd, DaemonName = "vm" });

        Assert.Equal("127.0.0.1:9618", values["COLLECTOR_HOST"]);
        Assert.Equal("42", values["my_knob"]);
        Assert.Equal("42", dump["MY_KNOB"]);
        Assert.Equal("900", fromSchedd["CLASSAD_LIFETIME"]);
        await Assert.ThrowsAsync<CondorNotFoundException>(
            () => pool.GetConfigAsync(new ConfigQuery { Names = ["START"], Daemon = CondorDaemonKind.Startd, DaemonName = "glidein9@vm" }));

        pool.SetConfig("MY_KNOB", string.Empty);
        await Assert.ThrowsAsync<CondorUnknownParameterException>(() => pool.GetConfigAsync(ConfigQuery.For("MY_KNOB")));
    }

    [Fact]
    public async Task Seeded_jobs_enumerate_lazily_with_a_deterministic_status_mix()
    {
        var pool = new SimulatedCondorPool(new SimulatedPoolOptions { SeedJobs = 100_000 });

        var first = await pool.QueryJobsAsync(new JobQuery { Limit = 3, Projection = ["JobStatus"] }).ToListAsync();
        var lastCluster = await pool.QueryJobsAsync(new JobQuery { Cluster = 1000 }).ToListAsync();

        Assert.Equal(100_000, pool.JobCount);
        Assert.Equal(["1.0", "1.1", "1.2"], first.Select(job => job.JobId()));
        Assert.Equal(100, lastCluster.Count);
        Assert.Equal(["1000.99"], lastCluster.TakeLast(1).Select(job => job.JobId()));
        Assert.Equal([2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L, 1L, 5L], lastCluster.Take(10).Select(job => job.Integer("JobStatus")!.Value));
        Assert.Equal(["1001.0"], pool.SubmitJobs(1, "alice").Select(id => id.ToString()));
    }

    [Fact]
    public async Task Concurrent_submissions_and_queries_do_not_interfere()
    {
        var pool = new SimulatedCondorPool();

        var submitters = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var ids = new List<CondorJobId>();
            for (var i = 0; i < 50; i++)
            {
                ids.AddRange(pool.SubmitJobs(2, "alice"));
                pool.SetJobStatus(ids[^1], CondorJobStatus.Running);
            }

            return ids;
        })).ToList();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var jobs = await pool.QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 2" }).ToListAsync();
                Assert.All(jobs, job => Assert.Equal("slot1@vm", job.String("RemoteHost")));
            }
        })).ToList();
        await Task.WhenAll(readers);
        var all = (await Task.WhenAll(submitters)).SelectMany(ids => ids).ToList();

        Assert.Equal(800, all.Distinct().Count());
        Assert.Equal(800, pool.JobCount);
        Assert.Equal(400, (await pool.QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 2" }).ToListAsync()).Count);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
