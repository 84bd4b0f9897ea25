using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Pbs;

namespace CondorActors.Domain.Tests.Batch.Pbs;

public sealed class PbsTests
{
    private static readonly BatchJobTag Site1 = new("site1");

    private static PbsSiteOptions Options => new()
    {
        Tag = Site1,
        Queue = "workq",
        AllowedExtraDirectives = ["-l"],
        Retry = new BatchRetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero },
    };

    [Theory]
    [InlineData("1001.pbs01", BatchJobState.Pending, "Q", null, null)]
    [InlineData("1002.pbs01", BatchJobState.Running, "R", null, null)]
    [InlineData("1003.pbs01", BatchJobState.Held, "H", null, null)]
    [InlineData("1004.pbs01", BatchJobState.Completed, "F", 0, null)]
    [InlineData("1005.pbs01", BatchJobState.Failed, "F", 3, null)]
    [InlineData("1006.pbs01", BatchJobState.Timeout, "F", -29, null)]
    [InlineData("1007.pbs01", BatchJobState.Cancelled, "F", null, 15)]
    [InlineData("1008.pbs01", BatchJobState.Cancelled, "F", null, null)]
    [InlineData("1009.pbs01", BatchJobState.OutOfMemory, "F", -27, null)]
    [InlineData("1010.pbs01", BatchJobState.Completing, "E", null, null)]
    [InlineData("1011.pbs01", BatchJobState.Failed, "F", null, 9)]
    [InlineData("1012.pbs01", BatchJobState.Timeout, "F", null, 15)]
    [InlineData("1013.pbs01", BatchJobState.NodeFail, "F", -20, null)]
    [InlineData("1014.pbs01", BatchJobState.Held, "S", null, null)]
    [InlineData("1015.pbs01", BatchJobState.Pending, "W", null, null)]
    [InlineData("1016.pbs01", BatchJobState.Unknown, "Z", null, null)]
    [InlineData("1020.pbs01", BatchJobState.Vanished, "M", null, null)]
    public void Recorded_qstat_json_maps_letters_and_exit_statuses(string id, BatchJobState state, string raw, int? exitCode, int? signal)
    {
        var jobs = PbsQstatJson.Parse(TestData.Read("pbs/qstat-xf-json-all.json"), Site1).ToDictionary(j => j.JobId);

        Assert.Equal((state, raw, exitCode, signal), (jobs[id].State, jobs[id].RawState, jobs[id].ExitCode, jobs[id].Signal));
    }

    [Fact]
    public void Tagged_jobs_are_selected_by_name_prefix_or_tag_variable()
    {
        var ids = PbsQstatJson.Parse(TestData.Read("pbs/qstat-xf-json-all.json"), Site1).Select(j => j.JobId).ToHashSet();

        Assert.Equal(18, ids.Count);
        Assert.DoesNotContain("1017.pbs01", ids);
        Assert.DoesNotContain("1019.pbs01", ids);
        Assert.Contains("1018.pbs01", ids);
    }

    [Fact]
    public void Finished_jobs_carry_times_nodes_and_the_exit_code_name()
    {
        var jobs = PbsQstatJson.Parse(TestData.Read("pbs/qstat-xf-json-all.json"), Site1).ToDictionary(j => j.JobId);

        Assert.Equal("nid001", jobs["1004.pbs01"].NodeList);
        Assert.Equal(new DateTimeOffset(new DateTime(2026, 11, 21, 20, 1, 0, DateTimeKind.Local)), jobs["1004.pbs01"].StartTime);
        Assert.Equal(new DateTimeOffset(new DateTime(2026, 11, 21, 20, 30, 0, DateTimeKind.Local)), jobs["1004.pbs01"].EndTime);
        Assert.StartsWith("JOB_EXEC_KILL_WALLTIME", jobs["1006.pbs01"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listing_without_jobs_and_empty_output_mean_no_jobs()
    {
        Assert.Empty(PbsQstatJson.Parse(TestData.Read("pbs/qstat-xf-json-empty.json"), Site1));
        Assert.Empty(PbsQstatJson.Parse(string.Empty, Site1));
    }

    [Fact]
    public void Truncated_json_is_rejected_whole()
    {
        var text = TestData.Read("pbs/qstat-xf-json-all.json");

        Assert.Throws<BatchOutputFormatException>(() => PbsQstatJson.Parse(text[..(text.Length * 2 / 3)], Site1));
    }

    [Theory]
    [InlineData(-1, BatchJobState.Failed)]
    [InlineData(-28, BatchJobState.Timeout)]
    [InlineData(-26, BatchJobState.OutOfMemory)]
    [InlineData(-14, BatchJobState.NodeFail)]
    [InlineData(-999, BatchJobState.Failed)]
    [InlineData(127, BatchJobState.Failed)]
    public void Exit_statuses_map_by_the_documented_rules(int exitStatus, BatchJobState expected) =>
        Assert.Equal(expected, PbsStates.MapFinished(exitStatus, walltimeExhausted: false).State);

    [Fact]
    public void The_letter_table_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "batch-systems.md"));

        Assert.Equal(12, PbsStates.Table.Rows.Count);
        Assert.All(PbsStates.Table.Rows, row => Assert.Contains($"| `{row.Raw}` | {row.State} |", doc, StringComparison.Ordinal));
        Assert.All(PbsStates.NegativeExitStatuses, p => Assert.Contains($"| {p.Key} | {p.Value.Name} | {p.Value.State} |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_names_tags_and_sizes_the_job_and_reads_the_id()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, "1234.pbs01\n"));
        var adapter = new PbsBatchSystem(Options, runner);

        var id = await adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1")
        {
            Nodes = 2,
            TasksPerNode = 4,
            CpusPerTask = 16,
            Walltime = TimeSpan.FromHours(25.5),
            WorkingDirectory = "/scratch/g1",
            ExtraDirectives = ["-l filesystems=home"],
        });

        Assert.Equal("1234.pbs01", id);
        Assert.Equal(
            ["-N", "site1-g1", "-v", "CONDORACTORS_TAG=site1,CONDORACTORS_WORKDIR=/scratch/g1", "-l", "select=2:ncpus=64:mpiprocs=4",
                "-l", "walltime=25:30:00", "-q", "workq", "-l", "filesystems=home"],
            runner.Commands.Single().Arguments.ToArray());
        Assert.Equal("#!/bin/bash\n", runner.Commands.Single().StandardInput);
    }

    [Fact]
    public async Task First_poll_lists_everything_later_polls_ask_by_id_and_unknown_ids_vanish()
    {
        var runner = new ScriptedProcessRunner(c => c.Arguments.Length == 4
            ? ScriptedProcessRunner.Result(c, 0, TestData.Read("pbs/qstat-xf-json-all.json"))
            : ScriptedProcessRunner.Result(c, 153, "{\"timestamp\":1,\"pbs_version\":\"2022\",\"pbs_server\":\"pbs01\"}\n", "qstat: Unknown Job Id 1001.pbs01\n"));
        var adapter = new PbsBatchSystem(Options, runner);

        var first = await adapter.GetStatusAsync();
        var second = await adapter.GetStatusAsync(["1001.pbs01"]);

        Assert.Equal(18, first.Jobs.Count);
        Assert.Equal(["-x", "-f", "-F", "json"], runner.Commands[0].Arguments.ToArray());
        Assert.Contains("1001.pbs01", runner.Commands[1].Arguments);
        Assert.Contains("1002.pbs01", runner.Commands[1].Arguments);
        Assert.DoesNotContain("1004.pbs01", runner.Commands[1].Arguments);
        Assert.Equal(BatchJobState.Vanished, second.Jobs["1001.pbs01"].State);
        Assert.Contains("Unknown Job Id", second.Jobs["1001.pbs01"].Reason, StringComparison.Ordinal);
        Assert.Equal(BatchJobState.Vanished, second.Jobs["1002.pbs01"].State);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_unavailable_not_an_answer()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(
            c, 255, "{\"timestamp\":1,\"pbs_version\":\"22.05.11\",\"pbs_server\":\"pbs01\"}\n", "Connection refused\nqstat: cannot connect to server pbs01 (errno=15010)\n"));
        var adapter = new PbsBatchSystem(Options, runner);

        await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync(["1001.pbs01"]));
        Assert.Equal(2, runner.Commands.Count);
    }

    [Fact]
    public async Task Qdel_of_a_finished_job_succeeds()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 35, stderr: "qdel: Job has finished 1004.pbs01\n"));

        await new PbsBatchSystem(Options, runner).CancelAsync("1004.pbs01");

        Assert.Equal("qdel", runner.Commands.Single().Program);
    }
}
