using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Batch.Slurm;

/// <summary>
/// Against the real local Slurm (scripts/start-slurm.sh). Each test uses its own tag, so jobs of
/// other tests (and of earlier runs) are not listed.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmIntegrationTests(SlurmFixture slurm)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Every_kind_of_job_reaches_the_state_Slurm_reports_with_one_squeue_per_poll()
    {
        slurm.EnsureStarted();
        var runner = new CountingProcessRunner(slurm.Runner);
        var adapter = slurm.CreateAdapter(SlurmFixture.NewTag(), runner);
        var pidFile = Path.Combine(slurm.WorkDirectory, "killed-job.pid");
        var startedFile = Path.Combine(slurm.WorkDirectory, "cancelled-job.started");

        // All jobs at once: the time-limit job needs 1-2 minutes, the others run meanwhile.
        var quick = await SubmitAsync(adapter, "quick", "sleep 4\nexit 0");
        var failing = await SubmitAsync(adapter, "failing", "exit 3");
        var runningCancelled = await SubmitAsync(adapter, "running-cancelled", $"touch {startedFile}\nexec sleep 300");
        var pendingCancelled = await SubmitAsync(adapter, "pending-cancelled", "exec sleep 300", "--begin=now+600");
        var held = await SubmitAsync(adapter, "held", "exec sleep 300", "--hold");
        var timeLimited = await SubmitAsync(adapter, "time-limited", "exec sleep 600", walltime: TimeSpan.FromMinutes(1));
        var killed = await SubmitAsync(adapter, "killed", $"echo $$ > {pidFile}\nexec sleep 300");
        string[] all = [quick, failing, runningCancelled, pendingCancelled, held, timeLimited, killed];

        var seen = all.ToDictionary(id => id, _ => new List<BatchJobState>());
        var last = new Dictionary<string, BatchJobStatus>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            runner.Reset();
            var snapshot = await adapter.GetStatusAsync();
            Assert.Equal(1, runner.Count);
            Assert.Equal("squeue", runner.Commands[0].Program);
            foreach (var id in all)
            {
                var status = Assert.Contains(id, snapshot.Jobs);
                if (seen[id].LastOrDefault() != status.State || seen[id].Count == 0)
                {
                    seen[id].Add(status.State);
                }

                last[id] = status;
            }

            // Cancel once the script runs: a job cancelled before its step starts ends 0:0, not 0:15.
            if (last[runningCancelled].State == BatchJobState.Running && File.Exists(startedFile))
            {
                await adapter.CancelAsync(runningCancelled);
                File.Delete(startedFile);
            }

            if (last[pendingCancelled].State == BatchJobState.Pending)
            {
                await adapter.CancelAsync(pendingCancelled);
            }

            if (last[killed].State == BatchJobState.Running && File.Exists(pidFile) && File.ReadAllText(pidFile).Trim() is { Length: > 0 } pid)
            {
                // SIGKILL of the batch script's process from outside Slurm.
                ProcessTree.Signal(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture), ProcessTree.SigKill);
                File.Delete(pidFile);
            }

            if (all.Where(id => id != held).All(id => last[id].IsFinal))
            {
                break;
            }

            await Task.Delay(PollInterval);
        }

        await adapter.CancelAsync(held);

        Assert.Contains(BatchJobState.Running, seen[quick]);
        AssertEnded(last[quick], BatchJobState.Completed, "COMPLETED", exitCode: 0, signal: null);
        Assert.NotNull(last[quick].StartTime);
        Assert.NotNull(last[quick].EndTime);
        Assert.Equal(Environment.MachineName.Split('.')[0], last[quick].NodeList);

        AssertEnded(last[failing], BatchJobState.Failed, "FAILED", exitCode: 3, signal: null);
        Assert.Equal("NonZeroExitCode", last[failing].Reason);

        Assert.Contains(BatchJobState.Running, seen[runningCancelled]);
        AssertEnded(last[runningCancelled], BatchJobState.Cancelled, "CANCELLED", exitCode: 0, signal: 15);

        Assert.Equal(BatchJobState.Pending, seen[pendingCancelled][0]);
        Assert.DoesNotContain(BatchJobState.Running, seen[pendingCancelled]);
        Assert.Equal(BatchJobState.Cancelled, last[pendingCancelled].State);

        Assert.Equal([BatchJobState.Held], seen[held]);
        Assert.Equal("PENDING", last[held].RawState);
        Assert.Equal("JobHeldUser", last[held].Reason);

        Assert.Contains(BatchJobState.Running, seen[timeLimited]);
        AssertEnded(last[timeLimited], BatchJobState.Timeout, "TIMEOUT", exitCode: 0, signal: 15);
        Assert.Equal("TimeLimit", last[timeLimited].Reason);

        Assert.Contains(BatchJobState.Running, seen[killed]);
        AssertEnded(last[killed], BatchJobState.Failed, "FAILED", exitCode: 0, signal: 9);
    }

    [Fact]
    public async Task A_new_adapter_finds_every_tagged_job_with_one_command_and_ignores_other_tags()
    {
        slurm.EnsureStarted();
        var tag = SlurmFixture.NewTag();
        var first = slurm.CreateAdapter(tag);
        var done = await SubmitAsync(first, "done", "exit 0");
        var held = await SubmitAsync(first, "held", "exec sleep 300", "--hold");
        var failed = await SubmitAsync(first, "failed", "exit 7");
        var stranger = await SubmitAsync(slurm.CreateAdapter(SlurmFixture.NewTag()), "other", "exit 0");
        await WaitUntilAsync(first, s => s.Find(done)?.IsFinal == true && s.Find(failed)?.IsFinal == true);

        var runner = new CountingProcessRunner(slurm.Runner);
        var restarted = slurm.CreateAdapter(tag, runner);
        var snapshot = await restarted.GetStatusAsync();

        Assert.Equal(1, runner.Count);
        Assert.Equal(
            new[] { done, failed, held }.Order(),
            snapshot.Jobs.Keys.Order());
        Assert.Equal(BatchJobState.Completed, snapshot.Jobs[done].State);
        Assert.Equal(7, snapshot.Jobs[failed].ExitCode);
        Assert.Equal(BatchJobState.Held, snapshot.Jobs[held].State);
        Assert.Equal(tag.NamePrefix + "held", snapshot.Jobs[held].Name);
        Assert.DoesNotContain(stranger, snapshot.Jobs.Keys);
        await restarted.CancelAsync(held);
    }

    [Fact]
    public async Task An_expected_job_that_Slurm_no_longer_knows_is_vanished_not_completed()
    {
        slurm.EnsureStarted();
        var adapter = slurm.CreateAdapter(SlurmFixture.NewTag());

        // An id far above anything this test Slurm has handed out: never known, so "purged".
        var snapshot = await adapter.GetStatusAsync(["987654321"]);

        var status = Assert.Single(snapshot.Jobs.Values);
        Assert.Equal(BatchJobState.Vanished, status.State);
        Assert.Equal(BatchStatusSource.Inferred, status.Source);
        Assert.Contains("Invalid job id", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_left_squeue_is_resolved_from_the_job_completion_log()
    {
        slurm.EnsureStarted();
        var adapter = slurm.CreateAdapter(SlurmFixture.NewTag());
        var jobId = await SubmitAsync(adapter, "recorded", "exit 5");
        await WaitUntilAsync(adapter, s => s.Find(jobId)?.IsFinal == true);

        // Another tag's adapter does not list the job in squeue, so it must use a follow-up.
        var runner = new CountingProcessRunner(slurm.Runner);
        var other = slurm.CreateAdapter(SlurmFixture.NewTag(), runner);
        var snapshot = await other.GetStatusAsync([jobId]);

        var status = snapshot.Jobs[jobId];
        Assert.Equal(BatchStatusSource.CompletionRecord, status.Source);
        Assert.Equal(BatchJobState.Failed, status.State);
        Assert.Equal(5, status.ExitCode);
        Assert.Equal(["squeue", "scontrol"], runner.Commands.Select(c => c.Program));
    }

    [Fact]
    public async Task Stopped_slurmctld_gives_unavailable_not_final_states_and_recovers_when_restarted()
    {
        slurm.EnsureStarted();
        var adapter = slurm.CreateAdapter(SlurmFixture.NewTag(), retry: BatchRetryPolicy.None);
        var jobId = await SubmitAsync(adapter, "survivor", "exec sleep 300");
        await WaitUntilAsync(adapter, s => s.Find(jobId)?.State == BatchJobState.Running);

        await slurm.StopControllerAsync();
        try
        {
            var error = await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync([jobId]));
            Assert.Contains("Unable to contact slurm controller", error.Message, StringComparison.Ordinal);
            Assert.False(error.MayHaveTakenEffect);
        }
        finally
        {
            await slurm.StartSlurmAsync();
        }

        var recovered = await adapter.GetStatusAsync([jobId]);
        Assert.Equal(BatchJobState.Running, recovered.Jobs[jobId].State);
        await adapter.CancelAsync(jobId);
        await WaitUntilAsync(adapter, s => s.Find(jobId)?.State == BatchJobState.Cancelled);
    }

    [Fact]
    public async Task Cancel_is_idempotent_for_ended_and_unknown_jobs()
    {
        slurm.EnsureStarted();
        var adapter = slurm.CreateAdapter(SlurmFixture.NewTag());
        var jobId = await SubmitAsync(adapter, "ended", "exit 0");
        await WaitUntilAsync(adapter, s => s.Find(jobId)?.IsFinal == true);

        await adapter.CancelAsync(jobId);
        await adapter.CancelAsync("987654321");

        var snapshot = await adapter.GetStatusAsync([jobId]);
        Assert.Equal(BatchJobState.Completed, snapshot.Jobs[jobId].State);
    }

    [Fact]
    public async Task A_refused_submission_is_a_command_error_not_unavailability()
    {
        slurm.EnsureStarted();
        var adapter = slurm.CreateAdapter(SlurmFixture.NewTag());

        var error = await Assert.ThrowsAsync<BatchCommandException>(
            () => adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\nexit 0\n", "bad") { Queue = "no-such-partition" }));

        Assert.Contains("Invalid partition", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private Task<string> SubmitAsync(SlurmBatchSystem adapter, string name, string body, string? directive = null, TimeSpan? walltime = null) =>
        adapter.SubmitAsync(new BatchJobRequest($"#!/bin/bash\n{body}\n", name)
        {
            StandardOutputPath = Path.Combine(slurm.WorkDirectory, name + "-%j.out"),
            WorkingDirectory = slurm.WorkDirectory,
            Walltime = walltime,
            ExtraDirectives = directive is null ? [] : [directive],
        });

    private static async Task<BatchStatusSnapshot> WaitUntilAsync(SlurmBatchSystem adapter, Func<BatchStatusSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var snapshot = await adapter.GetStatusAsync();
            if (condition(snapshot))
            {
                return snapshot;
            }

            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 60 s; last snapshot: " + string.Join("; ", snapshot.Jobs.Values));
            await Task.Delay(PollInterval);
        }
    }

    private static void AssertEnded(BatchJobStatus status, BatchJobState state, string raw, int exitCode, int? signal)
    {
        Assert.Equal(state, status.State);
        Assert.Equal(raw, status.RawState);
        Assert.Equal(exitCode, status.ExitCode);
        Assert.Equal(signal, status.Signal);
    }
}
