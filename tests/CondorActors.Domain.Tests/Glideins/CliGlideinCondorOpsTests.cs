using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Cli;
using CondorActors.Domain.Tests.Condor;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>
/// Contract of the command-line glidein operations: the exact argv (no shell, every id and
/// constraint one argument), the query ad file, and how recorded answers of HTCondor 8.7.10
/// (TestData/condor, step7* = the glidein experiment) are read.
/// </summary>
public sealed class CliGlideinCondorOpsTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "condoractors-cliops-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Invalidate_sends_a_query_ad_selecting_the_glidein_for_startd_then_master_ads_and_deletes_it()
    {
        var adFiles = new List<(string Path, string Text, UnixFileMode Mode)>();
        var runner = new ReplayProcessRunner(command =>
        {
            var path = command.Arguments[^1];
            adFiles.Add((path, File.ReadAllText(path), OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path)));

            // Recorded: a query ad that matched nothing still prints "Sent 1 of 1 ad" and exits 0.
            return CondorRecording.Load("step7_19_condor_advertise_INVALIDATE_STARTD_ADS_nomatch");
        });
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        await ops.InvalidateStartdAdsAsync("site-a-0001");

        Assert.Equal(2, runner.Commands.Count);
        Assert.Equal(["condor_advertise", "INVALIDATE_STARTD_ADS", adFiles[0].Path], Argv(runner.Commands[0]));
        Assert.Equal(["condor_advertise", "INVALIDATE_MASTER_ADS", adFiles[1].Path], Argv(runner.Commands[1]));
        Assert.Equal("MyType = \"Query\"\nTargetType = \"Machine\"\nRequirements = GlideinId == \"site-a-0001\"\n", adFiles[0].Text);
        Assert.Equal("MyType = \"Query\"\nTargetType = \"DaemonMaster\"\nRequirements = GlideinId == \"site-a-0001\"\n", adFiles[1].Text);
        Assert.All(adFiles, f => Assert.StartsWith(_scratch, f.Path, StringComparison.Ordinal));
        Assert.All(adFiles, f => Assert.False(File.Exists(f.Path), "query ad file deleted"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.All(adFiles, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, f.Mode));
        }

        // Same shape as the ad that removed slot1@glidein1@vm on the real pool.
        var recorded = File.ReadAllLines(Path.Combine(CondorRecording.Directory, "step7_15_invalidate_slot1_glidein1.ad"));
        Assert.Equal(recorded[..2], adFiles[0].Text.Split('\n')[..2]);
    }

    [Fact]
    public async Task Invalidate_escapes_the_id_as_a_ClassAd_string_and_passes_pool_and_binaries()
    {
        string? text = null;
        var runner = new ReplayProcessRunner(command =>
        {
            text ??= File.ReadAllText(command.Arguments[^1]);
            return CondorRecording.Load("step7_15_condor_advertise_INVALIDATE_STARTD_ADS_slot1");
        });
        var ops = new CliGlideinCondorOps(runner, new CondorOptions { Pool = "cm.example:9618", Binaries = "/opt/condor/bin" }, _scratch);

        await ops.InvalidateStartdAdsAsync("odd\"id\\x");

        var first = runner.Commands[0];
        Assert.Equal("/opt/condor/bin/condor_advertise", first.Program);
        Assert.Equal(["-pool", "cm.example:9618", "INVALIDATE_STARTD_ADS", first.Arguments[^1]], first.Arguments.ToArray());
        Assert.Contains("Requirements = GlideinId == \"odd\\\"id\\\\x\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalidate_that_did_not_reach_the_collector_throws_and_still_deletes_the_file()
    {
        var files = new List<string>();
        var unreachable = CondorRecording.Load("condor_status_bad_collector");
        var runner = new ReplayProcessRunner(command =>
        {
            files.Add(command.Arguments[^1]);
            return unreachable;
        });
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        await Assert.ThrowsAsync<CondorUnreachableException>(() => ops.InvalidateStartdAdsAsync("g1"));

        Assert.Single(runner.Commands);
        Assert.False(File.Exists(Assert.Single(files)));
    }

    [Fact]
    public async Task Invalidate_with_exit_0_but_nothing_sent_is_an_error()
    {
        // Synthetic: the recorded success line with nothing sent.
        var runner = new ReplayProcessRunner(new CondorRecording("sent-none", "condor_advertise", 0, "Sent 0 of 1 ad to 127.0.0.1:9618.\n", string.Empty));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        var error = await Assert.ThrowsAsync<CondorUnreachableException>(() => ops.InvalidateStartdAdsAsync("g1"));

        Assert.Contains("Sent 0 of 1 ad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glidein_ads_are_one_condor_status_with_the_shared_constraint_and_projection()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("step7_02_condor_status_-json_glidein1"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        var ads = await ops.QueryGlideinAdsAsync("site-a");

        Assert.Equal(["slot1@glidein1@vm", "slot2@glidein1@vm"], ads.Select(ad => ad.Evaluate("Name").TryGetString(out var name) ? name : null));
        Assert.Equal(
            ["condor_status", "-json", "-startd", "-constraint", "(GlideinSite =?= \"site-a\") =?= true", "-attributes", "Name,MyType,GlideinId,GlideinSite,State,Activity"],
            runner.SingleArgv());
    }

    [Fact]
    public async Task No_output_from_condor_status_is_no_glidein_ads()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_status_-json_-constraint_false"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        var ads = await ops.QueryGlideinAdsAsync("site-a", "site-a-0001");

        Assert.Empty(ads);
        Assert.Equal("(GlideinSite =?= \"site-a\" && GlideinId =?= \"site-a-0001\") =?= true", runner.SingleArgv()[4]);
    }

    [Fact]
    public async Task Unreachable_collector_is_a_typed_error_not_an_empty_answer()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_status_bad_collector"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        await Assert.ThrowsAsync<CondorUnreachableException>(() => ops.QueryGlideinAdsAsync("site-a"));
    }

    [Fact]
    public async Task Jobs_on_a_glidein_are_one_condor_q_over_all_users_read_as_id_status_and_remote_host()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_q_-constraint_JobStatus==2_-json"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions { Schedd = "submit.example" }, _scratch);

        var jobs = await ops.QueryJobsOnAsync("site-a-0001");

        Assert.Equal(new GlideinJob(new CondorJobId(2, 0), CondorJobStatus.Running, "slot1@vm"), jobs[0]);
        Assert.Equal(["2.0", "2.1", "2.2", "3.0"], jobs.Select(j => j.Id.ToString()));
        Assert.All(jobs, j => Assert.False(j.IsReleased));
        Assert.Equal(
            ["condor_q", "-json", "-allusers", "-name", "submit.example", "-constraint", $"({GlideinCondorQueries.JobsOn("site-a-0001")}) =?= true", "-attributes", "ClusterId,ProcId,JobStatus,RemoteHost"],
            runner.SingleArgv());
    }

    [Fact]
    public async Task Get_jobs_selects_by_id_and_reads_no_output_as_no_jobs()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_q_-json_-constraint_ClusterId==-1"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        Assert.Empty(await ops.GetJobsAsync([]));
        Assert.Empty(runner.Commands);

        var jobs = await ops.GetJobsAsync([new CondorJobId(9, 0), new CondorJobId(9, 1)]);

        Assert.Empty(jobs);
        Assert.Equal("((ClusterId == 9 && ProcId == 0) || (ClusterId == 9 && ProcId == 1)) =?= true", runner.SingleArgv()[4]);
    }

    [Fact]
    public async Task Vacate_sends_every_job_in_one_command_one_argument_each()
    {
        // Recorded: vacating a job whose glidein was SIGKILLed (disconnected) succeeds.
        var runner = new ReplayProcessRunner(CondorRecording.Load("step7B_09_condor_vacate_job_9.0_disconnected"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions { Pool = "cm.example", Schedd = "submit.example" }, _scratch);

        await ops.VacateJobsAsync([new CondorJobId(9, 0), new CondorJobId(9, 1), new CondorJobId(9, 0)]);

        Assert.Equal(["condor_vacate_job", "-pool", "cm.example", "-name", "submit.example", "9.0", "9.1"], runner.SingleArgv());
    }

    [Theory]
    [InlineData("step7C_09_condor_vacate_job_9.1_idle_with_stale_shadow")]
    [InlineData("condor_vacate_job_99999.0")]
    public async Task Vacate_of_a_job_no_longer_running_or_gone_is_not_an_error(string recording)
    {
        var answer = CondorRecording.Load(recording);
        Assert.Equal(1, answer.ExitCode);
        var runner = new ReplayProcessRunner(answer);
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        await ops.VacateJobsAsync([new CondorJobId(9, 1)]);

        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task Vacate_with_several_harmless_refusals_is_not_an_error()
    {
        // The tool answers per job; two recorded refusals in one answer.
        var stderr = CondorRecording.Load("step7C_09_condor_vacate_job_9.1_idle_with_stale_shadow").StandardError
            + CondorRecording.Load("condor_vacate_job_99999.0").StandardError;
        var runner = new ReplayProcessRunner(new CondorRecording("two", "condor_vacate_job 9.0 9.1 99999.0", 1, "Job 9.0 vacated\n", stderr));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        await ops.VacateJobsAsync([new CondorJobId(9, 0), new CondorJobId(9, 1), new CondorJobId(99999, 0)]);
    }

    [Fact]
    public async Task Vacate_failures_other_than_not_running_throw_typed_errors()
    {
        var unreachable = new ReplayProcessRunner(new CondorRecording("down", "condor_vacate_job 9.0", 1, string.Empty, CondorRecording.Load("condor_status_bad_collector").StandardError));
        var denied = new ReplayProcessRunner(new CondorRecording("denied", "condor_vacate_job 9.0 9.1", 1, string.Empty, "\nJob 9.0 not running to be vacated\nPermission denied to vacate job 9.1\n"));

        await Assert.ThrowsAsync<CondorUnreachableException>(() => new CliGlideinCondorOps(unreachable, new CondorOptions(), _scratch).VacateJobsAsync([new CondorJobId(9, 0)]));
        var error = await Assert.ThrowsAsync<CondorTransitionRefusedException>(() => new CliGlideinCondorOps(denied, new CondorOptions(), _scratch).VacateJobsAsync([new CondorJobId(9, 0), new CondorJobId(9, 1)]));
        Assert.Contains("condor_vacate_job 9.0 9.1", error.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vacate_of_many_jobs_is_split_into_batches()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_vacate_job_5.1"));
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);
        var ids = Enumerable.Range(0, CliGlideinCondorOps.VacateBatchSize + 1).Select(proc => new CondorJobId(7, proc)).ToList();

        await ops.VacateJobsAsync(ids);

        Assert.Equal([CliGlideinCondorOps.VacateBatchSize, 1], runner.Commands.Select(c => c.Arguments.Length));
        Assert.Equal("7.500", runner.Commands[1].Arguments.Single());
    }

    [Fact]
    public async Task Tool_timeout_is_a_condor_timeout()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_vacate_job_5.1"))
        {
            Failure = command => new ProcessTimeoutException(command, TimeSpan.FromSeconds(30)),
        };
        var ops = new CliGlideinCondorOps(runner, new CondorOptions(), _scratch);

        await Assert.ThrowsAsync<CondorTimeoutException>(() => ops.VacateJobsAsync([new CondorJobId(5, 1)]));
        await Assert.ThrowsAsync<CondorTimeoutException>(() => ops.InvalidateStartdAdsAsync("g1"));
        Assert.Empty(Directory.EnumerateFiles(_scratch));
    }

    private static IReadOnlyList<string> Argv(ProcessCommand command) => [Path.GetFileName(command.Program), .. command.Arguments];
}
