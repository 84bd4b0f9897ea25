using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>The write tools' argv, and their recorded outputs and errors turned into results and typed errors.</summary>
public sealed class CondorCliSchedulerTests
{
    private const string Description = "universe = vanilla\nexecutable = /bin/sleep\narguments = \"1\"\n+CondorActorsRequestId = \"r1\"\n";

    private static (CondorCliScheduler Scheduler, ReplayProcessRunner Runner) Replaying(string recording, CondorOptions? options = null)
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load(recording));
        return (new CondorCliScheduler(runner, options ?? new CondorOptions()), runner);
    }

    [Fact]
    public async Task Submit_runs_one_terse_condor_submit_with_the_description_on_stdin()
    {
        var (scheduler, runner) = Replaying("condor_submit_-terse_sleep.sub");

        var submitted = await scheduler.SubmitAsync(Description, 3);

        Assert.Equal(new SubmittedJobs(3, 0, 2), submitted);
        Assert.Equal("3.0-3.2", submitted.JobIds);
        Assert.Equal(["condor_submit", "-terse", "-"], runner.SingleArgv());
        Assert.Equal(Description + "queue 3\n", runner.Commands[0].StandardInput);
    }

    [Fact]
    public async Task Submit_names_the_schedd_and_pool_when_configured()
    {
        var (scheduler, runner) = Replaying("condor_submit_-terse_sleep.sub", new CondorOptions { Pool = "cm:9618", Schedd = "s1", Binaries = "/opt/condor/bin" });

        await scheduler.SubmitAsync(Description, 3);

        Assert.Equal(["condor_submit", "-terse", "-pool", "cm:9618", "-name", "s1", "-"], runner.SingleArgv());
        Assert.Equal("/opt/condor/bin/condor_submit", runner.Commands[0].Program);
    }

    [Fact]
    public async Task Submit_refuses_a_description_with_its_own_queue_statement_before_running_anything()
    {
        var (scheduler, runner) = Replaying("condor_submit_-terse_sleep.sub");

        await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.SubmitAsync("executable = /bin/true\nqueue 1000\n", 1));

        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData("condor_submit_bad_badexe.sub", "ERROR: Executable file /no/such/program does not exist")]
    [InlineData("condor_submit_bad_noexe.sub", "ERROR: No 'executable' parameter was provided")]
    [InlineData("condor_submit_bad_queue.sub", "ERROR: on Line 2 of submit file: invalid Queue statement ERROR: Failed to parse command file (line 2).")]
    [InlineData("condor_submit_bad_syntax.sub", "ERROR: Parse error in expression:")]
    public async Task Submit_errors_are_rejections_with_condor_submits_words(string recording, string message)
    {
        var (scheduler, _) = Replaying(recording);

        var error = await Assert.ThrowsAsync<CondorSubmitRejectedException>(() => scheduler.SubmitAsync(Description, 1));

        Assert.Equal(message, error.Message);
        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public async Task Submitting_as_root_is_a_service_fault_not_a_rejection()
    {
        var (scheduler, _) = Replaying("condor_submit_as_root");

        var error = await Assert.ThrowsAsync<CondorException>(() => scheduler.SubmitAsync(Description, 1));

        Assert.IsNotType<CondorSubmitRejectedException>(error);
        Assert.Contains("root", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("condor_hold_5.0", JobAction.Hold, "Job 5.0 held")]
    [InlineData("condor_release_5.0", JobAction.Release, "Job 5.0 released")]
    [InlineData("condor_vacate_job_5.1", JobAction.Vacate, "Job 5.1 vacated")]
    [InlineData("condor_rm_5.2", JobAction.Remove, "Job 5.2 marked for removal")]
    public async Task Job_actions_run_the_tool_with_the_job_id(string recording, JobAction action, string message)
    {
        var (scheduler, runner) = Replaying(recording);
        var id = message.Split(' ')[1];
        var parts = id.Split('.');

        var result = await scheduler.ActAsync(action, JobTarget.Job(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal([message], result.Messages);
        Assert.Equal(CondorRecording.Load(recording).CommandLine.Split(' '), runner.SingleArgv());
    }

    [Fact]
    public async Task Cluster_removal_names_the_cluster()
    {
        var (scheduler, runner) = Replaying("condor_rm_cluster_5");

        var result = await scheduler.ActAsync(JobAction.Remove, JobTarget.ClusterOf(5));

        Assert.Equal(["condor_rm", "5"], runner.SingleArgv());
        Assert.Equal(["All jobs in cluster 5 have been marked for removal"], result.Messages);
    }

    [Fact]
    public async Task Hold_passes_the_reason_as_one_argument()
    {
        var (scheduler, runner) = Replaying("condor_hold_5.0");

        await scheduler.ActAsync(JobAction.Hold, JobTarget.Job(5, 0), "maintenance; -all");

        Assert.Equal(["condor_hold", "-reason", "maintenance; -all", "5.0"], runner.SingleArgv());
    }

    [Fact]
    public async Task Bulk_actions_pass_the_constraint_guarded_against_bare_literals()
    {
        var (scheduler, runner) = Replaying("condor_rm_-constraint_nomatch");

        var error = await Assert.ThrowsAsync<CondorJobNotFoundException>(() => scheduler.ActAsync(JobAction.Remove, JobTarget.Matching("ClusterId==99999")));

        Assert.Equal(["condor_rm", "-constraint", "(ClusterId==99999) =?= true"], runner.SingleArgv());
        Assert.Equal("Couldn't find/remove all jobs matching constraint (ClusterId==99999)", error.Message);
    }

    [Fact]
    public async Task A_constant_false_constraint_runs_nothing()
    {
        var (scheduler, runner) = Replaying("condor_rm_-constraint_nomatch");

        await Assert.ThrowsAsync<CondorJobNotFoundException>(() => scheduler.ActAsync(JobAction.Remove, JobTarget.Matching("false")));

        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task A_constraint_that_does_not_parse_runs_nothing()
    {
        var (scheduler, runner) = Replaying("condor_rm_-constraint_nomatch");

        await Assert.ThrowsAsync<CondorConstraintException>(() => scheduler.ActAsync(JobAction.Hold, JobTarget.Matching("JobStatus ==")));

        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData("condor_rm_99999.0", JobAction.Remove, "Job 99999.0 not found")]
    [InlineData("condor_hold_99999.0", JobAction.Hold, "Job 99999.0 not found")]
    [InlineData("condor_release_99999.0", JobAction.Release, "Job 99999.0 not found")]
    [InlineData("condor_vacate_job_99999.0", JobAction.Vacate, "Job 99999.0 not found")]
    [InlineData("condor_rm_99999", JobAction.Remove, "Couldn't find/remove all jobs in cluster 99999")]
    public async Task Unknown_jobs_are_not_found(string recording, JobAction action, string message)
    {
        var (scheduler, _) = Replaying(recording);
        var target = recording.EndsWith(".0", StringComparison.Ordinal) ? JobTarget.Job(99999, 0) : JobTarget.ClusterOf(99999);

        var error = await Assert.ThrowsAsync<CondorJobNotFoundException>(() => scheduler.ActAsync(action, target));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("condor_release_5.3_not_held", JobAction.Release, 5, 3, "Job 5.3 not held to be released")]
    [InlineData("step7C_09_condor_vacate_job_9.1_idle_with_stale_shadow", JobAction.Vacate, 9, 1, "Job 9.1 not running to be vacated")]
    public async Task Refused_transitions_carry_htcondors_reason(string recording, JobAction action, int cluster, int proc, string reason)
    {
        var (scheduler, _) = Replaying(recording);

        var error = await Assert.ThrowsAsync<CondorTransitionRefusedException>(() => scheduler.ActAsync(action, JobTarget.Job(cluster, proc)));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public async Task A_timeout_is_typed()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_hold_5.0"))
        {
            Failure = command => new ProcessTimeoutException(command, TimeSpan.FromSeconds(30)),
        };

        await Assert.ThrowsAsync<CondorTimeoutException>(() => new CondorCliScheduler(runner, new CondorOptions()).ActAsync(JobAction.Hold, JobTarget.Job(5, 0)));
    }

    [Theory]
    [InlineData("3.0 - 3.2\n", 3, 0, 2)]
    [InlineData("12.0 - 12.11999", 12, 0, 11999)]
    [InlineData("7.0 - 7.0\n", 7, 0, 0)]
    public void Terse_output_is_parsed(string stdout, int cluster, int first, int last)
    {
        Assert.Equal(new SubmittedJobs(cluster, first, last), CondorWriteOutput.ParseTerse(stdout));
    }

    [Theory]
    [InlineData("Submitting job(s)...\n3 job(s) submitted to cluster 2.\n")]
    [InlineData("3.0 - 4.2")]
    [InlineData("")]
    public void Anything_but_the_terse_form_is_an_error(string stdout)
    {
        Assert.Throws<CondorException>(() => CondorWriteOutput.ParseTerse(stdout));
    }
}
