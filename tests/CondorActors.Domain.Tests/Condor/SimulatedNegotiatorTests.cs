using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>The simulated pool's negotiation cycle: idle jobs start on free willing slots, one job per slot, in job-id order.</summary>
public sealed class SimulatedNegotiatorTests
{
    private readonly SimulatedCondorPool _pool = new(new SimulatedPoolOptions { Slots = 0 });

    [Fact]
    public void A_job_starts_on_the_willing_slot_and_never_on_an_unwilling_one()
    {
        Slot("slot1@unwilling", start: false);
        Slot("slot1@willing", start: true);
        var job = _pool.SubmitJobs(1, "alice")[0];

        var matches = _pool.Negotiate();

        Assert.Equal([new SimulatedMatch(job, "slot1@willing")], matches);
        Assert.Equal((CondorJobStatus.Running, "slot1@willing"), JobState(job));
        Assert.Equal(("Claimed", "Busy"), SlotState("slot1@willing"));
        Assert.Equal(job.ToString(), FindSlot("slot1@willing").Evaluate("JobId").TryGetString(out var jobId) ? jobId : null);
        Assert.Equal(("Unclaimed", "Idle"), SlotState("slot1@unwilling"));
    }

    [Fact]
    public void No_willing_slot_leaves_every_job_idle()
    {
        Slot("slot1@pending", start: false);
        var job = _pool.SubmitJobs(1, "alice")[0];

        Assert.Empty(_pool.Negotiate());

        Assert.Equal((CondorJobStatus.Idle, (string?)null), JobState(job));
    }

    [Fact]
    public void Jobs_take_slots_in_job_id_order_one_job_per_slot()
    {
        Slot("slot1@b", start: true);
        Slot("slot1@a", start: true);
        var first = _pool.SubmitJobs(2, "alice");
        var last = _pool.SubmitJobs(1, "bob")[0];

        var matches = _pool.Negotiate();

        // Lowest ids first, each on its own slot (slots in name order); the third job waits.
        Assert.Equal([new SimulatedMatch(first[0], "slot1@a"), new SimulatedMatch(first[1], "slot1@b")], matches);
        Assert.Equal((CondorJobStatus.Idle, (string?)null), JobState(last));
    }

    [Fact]
    public void A_second_cycle_claims_nothing_twice()
    {
        Slot("slot1@a", start: true);
        var jobs = _pool.SubmitJobs(2, "alice");
        _pool.Negotiate();

        Assert.Empty(_pool.Negotiate());

        Assert.Equal((CondorJobStatus.Running, "slot1@a"), JobState(jobs[0]));
        Assert.Equal((CondorJobStatus.Idle, (string?)null), JobState(jobs[1]));
    }

    [Fact]
    public void A_slot_a_running_job_names_as_its_remote_host_is_not_free_even_when_its_ad_says_Unclaimed()
    {
        Slot("slot1@a", start: true);
        var running = _pool.SubmitJobs(1, "alice")[0];
        _pool.SetJobStatus(running, CondorJobStatus.Running, remoteHost: "slot1@a");
        var idle = _pool.SubmitJobs(1, "alice")[0];

        Assert.Empty(_pool.Negotiate());

        Assert.Equal((CondorJobStatus.Idle, (string?)null), JobState(idle));
    }

    [Fact]
    public void Requirements_are_honoured_both_ways()
    {
        Slot("slot1@a", start: true);
        Slot("slot1@b", start: true, customize: ad => ad.Set("GlideinSite", ClassAdValue.FromString("local")));
        var requirements = new ClassAd();
        requirements.Set("Requirements", ClassAdExpr.Parse("TARGET.GlideinSite =?= \"local\""));
        var picky = _pool.SubmitJobs(1, "alice", requirements)[0];
        Slot("slot1@c", start: true, customize: ad => ad.Set("Requirements", ClassAdExpr.Parse("TARGET.Owner == \"bob\"")));
        var alice = _pool.SubmitJobs(1, "alice")[0];

        var matches = _pool.Negotiate();

        // picky skips a (no GlideinSite); alice's job is refused by c (it wants bob) and takes a.
        Assert.Equal([new SimulatedMatch(picky, "slot1@b"), new SimulatedMatch(alice, "slot1@a")], matches);
        Assert.Equal(("Unclaimed", "Idle"), SlotState("slot1@c"));
    }

    [Theory]
    [InlineData(JobAction.Vacate)]
    [InlineData(JobAction.Remove)]
    [InlineData(JobAction.Hold)]
    public async Task A_job_leaving_its_slot_by_a_tool_frees_the_slot_for_the_next_cycle(JobAction action)
    {
        Slot("slot1@a", start: true);
        var jobs = _pool.SubmitJobs(2, "alice");
        _pool.Negotiate();

        await _pool.ActAsync(action, JobTarget.Job(jobs[0].Cluster, jobs[0].Proc));

        Assert.Equal(("Unclaimed", "Idle"), SlotState("slot1@a"));
        Assert.False(FindSlot("slot1@a").Contains("JobId"));
        Assert.Equal([new SimulatedMatch(action == JobAction.Vacate ? jobs[0] : jobs[1], "slot1@a")], _pool.Negotiate());
    }

    [Fact]
    public void A_completed_job_frees_its_slot()
    {
        Slot("slot1@a", start: true);
        var job = _pool.SubmitJobs(1, "alice")[0];
        _pool.Negotiate();

        _pool.SetJobStatus(job, CondorJobStatus.Completed);

        Assert.Equal(("Unclaimed", "Idle"), SlotState("slot1@a"));
    }

    [Fact]
    public void A_slot_freed_while_unwilling_gets_no_new_job()
    {
        Slot("slot1@a", start: true);
        var jobs = _pool.SubmitJobs(2, "alice");
        _pool.Negotiate();
        _pool.UpdateAd("Machine", "slot1@a", ad => ad.Set("Start", ClassAdValue.False));

        _pool.SetJobStatus(jobs[0], CondorJobStatus.Completed);

        Assert.Empty(_pool.Negotiate());
        Assert.Equal((CondorJobStatus.Idle, (string?)null), JobState(jobs[1]));
    }

    private void Slot(string name, bool start, Action<ClassAd>? customize = null) =>
        _pool.AdvertiseSlot(name, name[(name.IndexOf('@') + 1)..], ad =>
        {
            ad.Set("Start", ClassAdValue.FromBoolean(start));
            customize?.Invoke(ad);
        });

    private (CondorJobStatus Status, string? RemoteHost) JobState(CondorJobId id)
    {
        var ad = _pool.GetJob(id);
        Assert.NotNull(ad);
        Assert.True(ad.Evaluate("JobStatus").TryGetInteger(out var status));
        return ((CondorJobStatus)status, ad.Evaluate("RemoteHost").TryGetString(out var host) ? host : null);
    }

    private ClassAd FindSlot(string name) => _pool.GetAd("Machine", name) ?? throw new InvalidOperationException($"no slot {name}");

    private (string State, string Activity) SlotState(string name)
    {
        var ad = FindSlot(name);
        Assert.True(ad.Evaluate("State").TryGetString(out var state));
        Assert.True(ad.Evaluate("Activity").TryGetString(out var activity));
        return (state, activity);
    }
}
