using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Batch.Slurm;

/// <summary>The adapter's decisions against scripted command answers (the real Slurm is in SlurmIntegrationTests).</summary>
public sealed class SlurmBatchSystemTests
{
    private const string ConfigWithAccounting = "SLURM_VERSION = 23.02.1\nAccountingStorageType = accounting_storage/slurmdbd\nJobCompType = jobcomp/none\n";
    private const string ConfigWithoutRecords = "SLURM_VERSION = 22.05.8\nAccountingStorageType = accounting_storage/none\nJobCompType = jobcomp/none\n";

    private static SlurmSiteOptions Options => new()
    {
        Tag = new BatchJobTag("site"),
        Partition = "debug",
        AllowedExtraDirectives = ["--constraint"],
        Retry = new BatchRetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.Zero },
    };

    [Fact]
    public async Task Submit_tags_the_job_and_sends_the_script_on_stdin()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, "4242;cluster1\n"));
        var adapter = new SlurmBatchSystem(Options, runner);

        var jobId = await adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\ntrue\n", "g1")
        {
            Nodes = 2,
            TasksPerNode = 1,
            CpusPerTask = 32,
            Walltime = TimeSpan.FromMinutes(90.5),
            ExtraDirectives = ["--constraint=knl"],
        });

        Assert.Equal("4242", jobId);
        var command = Assert.Single(runner.Commands);
        Assert.Equal("sbatch", command.Program);
        Assert.Equal("#!/bin/bash\ntrue\n", command.StandardInput);
        Assert.Equal(
            ["--parsable", "--job-name=site-g1", "--comment=condoractors:site", "--export=NONE", "--nodes=2", "--ntasks-per-node=1",
                "--cpus-per-task=32", "--time=0-01:30:30", "--partition=debug", "--constraint=knl"],
            command.Arguments.ToArray());
    }

    [Theory]
    [InlineData("--gres=gpu:1")]
    [InlineData("--comment=hijack")]
    public async Task Directives_not_allowed_by_the_site_are_refused_before_anything_runs(string directive)
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, "1\n"));
        var adapter = new SlurmBatchSystem(Options with { AllowedExtraDirectives = ["--constraint", "--comment"] }, runner);

        await Assert.ThrowsAsync<BatchRequestException>(
            () => adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1") { ExtraDirectives = [directive] }));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task An_unexpected_sbatch_answer_is_a_format_error()
    {
        var adapter = new SlurmBatchSystem(Options, new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, "Submitted batch job 12\n")));

        await Assert.ThrowsAsync<BatchOutputFormatException>(() => adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1")));
    }

    [Fact]
    public async Task A_submit_that_timed_out_after_sending_is_not_repeated()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(
            c, 1, stderr: "sbatch: error: Batch job submission failed: Socket timed out on send/recv operation\n"));
        var adapter = new SlurmBatchSystem(Options, runner);

        var error = await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1")));

        Assert.True(error.MayHaveTakenEffect);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task A_submit_that_never_reached_the_controller_is_retried()
    {
        var calls = 0;
        var runner = new ScriptedProcessRunner(c => ++calls == 1
            ? ScriptedProcessRunner.Result(c, 1, stderr: "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)\n")
            : ScriptedProcessRunner.Result(c, 0, "77\n"));
        var adapter = new SlurmBatchSystem(Options, runner);

        Assert.Equal("77", await adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1")));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Status_is_one_squeue_of_the_users_jobs_in_all_states()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, TestData.Read("slurm/squeue-all-states.txt")));
        var adapter = new SlurmBatchSystem(Options with { Tag = new BatchJobTag("tagx") }, runner);

        var snapshot = await adapter.GetStatusAsync();

        var command = Assert.Single(runner.Commands);
        Assert.Equal(["--me", "-t", "all", "-h", "-O", SqueueOutput.FormatArgument], command.Arguments.ToArray());
        Assert.Equal(27, snapshot.Jobs.Count);
    }

    [Fact]
    public async Task A_thousand_jobs_cost_one_process_per_poll()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, TestData.Read("slurm/squeue-1000.txt")));
        var adapter = new SlurmBatchSystem(Options with { Tag = new BatchJobTag("bench") }, runner);

        var first = await adapter.GetStatusAsync();
        var second = await adapter.GetStatusAsync(first.Jobs.Keys.ToList());

        Assert.Equal(1000, first.Jobs.Count);
        Assert.Equal(1000, second.Jobs.Count);
        Assert.All(second.Jobs.Values, j => Assert.Equal(BatchJobState.Held, j.State));
        Assert.Equal(2, runner.Commands.Count);
    }

    [Fact]
    public async Task Squeue_failures_that_mean_the_controller_is_down_are_unavailable_and_retried()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(
            c, 1, stderr: "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n"));
        var adapter = new SlurmBatchSystem(Options, runner);

        await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync(["5"]));

        Assert.Equal(3, runner.Commands.Count);
        Assert.All(runner.Commands, c => Assert.Equal("squeue", c.Program));
    }

    [Fact]
    public async Task A_missing_job_is_looked_up_in_accounting_then_in_scontrol_and_vanishes_only_when_nothing_knows_it()
    {
        var sacct = $"5\u001fsite-g5\u001fCOMPLETED\u001f0:0\u001fnid1\u001f2026-11-20T10:00:00\u001f2026-11-20T11:00:00\n";
        var runner = new ScriptedProcessRunner(c => (c.Program, c.Arguments.FirstOrDefault()) switch
        {
            ("squeue", _) => ScriptedProcessRunner.Result(c, 0, string.Empty),
            ("scontrol", "show") when c.Arguments[1] == "config" => ScriptedProcessRunner.Result(c, 0, ConfigWithAccounting),
            ("sacct", _) => ScriptedProcessRunner.Result(c, 0, sacct),
            ("scontrol", "show") => ScriptedProcessRunner.Result(c, 1, stderr: "slurm_load_jobs error: Invalid job id specified\n"),
            _ => throw new InvalidOperationException(c.DisplayCommandLine),
        });
        var adapter = new SlurmBatchSystem(Options, runner);

        var snapshot = await adapter.GetStatusAsync(["5", "6"]);

        Assert.Equal((BatchJobState.Completed, BatchStatusSource.Accounting), (snapshot.Jobs["5"].State, snapshot.Jobs["5"].Source));
        Assert.Equal((BatchJobState.Vanished, BatchStatusSource.Inferred), (snapshot.Jobs["6"].State, snapshot.Jobs["6"].Source));
        Assert.Equal(["-j", "5,6"], runner.Commands.Single(c => c.Program == "sacct").Arguments.TakeLast(2).ToArray());
        Assert.Equal(["show", "job", "-o", "6"], runner.Commands.Last().Arguments.ToArray());
    }

    [Fact]
    public async Task A_controller_failure_during_follow_up_fails_the_poll_instead_of_vanishing_the_job()
    {
        var runner = new ScriptedProcessRunner(c => (c.Program, c.Arguments.ElementAtOrDefault(1)) switch
        {
            ("squeue", _) => ScriptedProcessRunner.Result(c, 0, string.Empty),
            ("scontrol", "config") => ScriptedProcessRunner.Result(c, 0, ConfigWithoutRecords),
            _ => ScriptedProcessRunner.Result(c, 1, stderr: "slurm_load_jobs error: Socket timed out on send/recv operation\n"),
        });
        var adapter = new SlurmBatchSystem(Options, runner);

        await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync(["8"]));
    }

    [Fact]
    public async Task A_job_seen_finished_earlier_is_remembered_when_it_leaves_squeue()
    {
        var listing = "9\u001fsite-g9\u001fCOMPLETED\u001fNone\u001f0\u001fcondoractors:site\u001fnid1\u001f2026-11-21T20:00:00\u001f2026-11-21T20:05:00\u001f\n";
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, listing));
        var adapter = new SlurmBatchSystem(Options, runner);
        await adapter.GetStatusAsync();
        listing = string.Empty;

        var snapshot = await adapter.GetStatusAsync();

        Assert.Equal((BatchJobState.Completed, BatchStatusSource.Remembered), (snapshot.Jobs["9"].State, snapshot.Jobs["9"].Source));
        Assert.Equal(2, runner.Commands.Count);
    }

    [Fact]
    public async Task Cancel_of_a_job_Slurm_no_longer_knows_succeeds()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(
            c, 1, stderr: "scancel: error: Kill job error on job id 5: Invalid job id specified\n"));

        await new SlurmBatchSystem(Options, runner).CancelAsync("5");

        Assert.Equal(["5"], Assert.Single(runner.Commands).Arguments.ToArray());
    }

    [Fact]
    public async Task A_missing_program_is_a_command_error()
    {
        var adapter = new SlurmBatchSystem(Options with { SqueuePath = "/nonexistent/squeue" }, new ProcessRunner());

        await Assert.ThrowsAsync<BatchCommandException>(() => adapter.GetStatusAsync());
    }
}
