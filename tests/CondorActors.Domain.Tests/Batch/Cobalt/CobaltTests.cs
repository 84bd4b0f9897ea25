using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Cobalt;

namespace CondorActors.Domain.Tests.Batch.Cobalt;

public sealed class CobaltTests
{
    private static readonly BatchJobTag Site1 = new("site1");

    [Fact]
    public void Recorded_vertical_qstat_maps_states_and_keeps_unknown_ones_raw()
    {
        var jobs = CobaltQstatOutput.Parse(TestData.Read("cobalt/qstat-fl.txt"), Site1).ToDictionary(j => j.JobId);

        Assert.Equal(7, jobs.Count);
        Assert.Equal(BatchJobState.Pending, jobs["400101"].State);
        Assert.Equal((BatchJobState.Running, "3824-3951"), (jobs["400102"].State, jobs["400102"].NodeList));
        Assert.Equal(BatchJobState.Held, jobs["400103"].State);
        Assert.Equal(BatchJobState.Completing, jobs["400104"].State);
        Assert.Equal(BatchJobState.Pending, jobs["400105"].State);
        Assert.Equal(BatchJobState.Held, jobs["400106"].State);
        Assert.Equal((BatchJobState.Unknown, "quantum_state"), (jobs["400107"].State, jobs["400107"].RawState));
        Assert.Null(jobs["400101"].NodeList);
    }

    [Fact]
    public void Empty_output_means_no_jobs() => Assert.Empty(CobaltQstatOutput.Parse(string.Empty, Site1));

    [Fact]
    public void Output_cut_before_the_last_blank_line_is_rejected()
    {
        var text = TestData.Read("cobalt/qstat-fl.txt");

        Assert.Throws<BatchOutputFormatException>(() => CobaltQstatOutput.Parse(text[..(text.Length / 2)], Site1));
        Assert.Throws<BatchOutputFormatException>(() => CobaltQstatOutput.Parse(text.TrimEnd('\n') + "\n", Site1));
    }

    [Fact]
    public void The_state_table_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "batch-systems.md"));

        Assert.All(CobaltStates.Table.Rows, row => Assert.Contains($"| `{row.Raw}` | {row.State} |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_writes_the_script_and_runs_qsub_in_script_mode()
    {
        var directory = Directory.CreateTempSubdirectory("condoractors-cobalt-").FullName;
        try
        {
            var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, "WARNING: something\n400200\n"));
            var adapter = new CobaltBatchSystem(new CobaltSiteOptions { Tag = Site1, JobDirectory = directory, Queue = "debug", Project = "Glide" }, runner);

            var id = await adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\necho hi\n", "g1") { Nodes = 8, Walltime = TimeSpan.FromSeconds(90) });

            var script = Path.Combine(directory, "site1-g1.sh");
            Assert.Equal("400200", id);
            Assert.Equal("#!/bin/bash\necho hi\n", File.ReadAllText(script));
            Assert.Equal(
                ["-n", "8", "-t", "2", "-q", "debug", "-A", "Glide", "--jobname", "site1-g1", "--cwd", directory, "--mode", "script", script],
                runner.Commands.Single().Arguments.ToArray());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_known_job_that_left_qstat_is_vanished_because_Cobalt_keeps_no_history()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 0, TestData.Read("cobalt/qstat-fl.txt")));
        var adapter = new CobaltBatchSystem(new CobaltSiteOptions { Tag = Site1, JobDirectory = "/tmp", User = "glidein" }, runner);

        var snapshot = await adapter.GetStatusAsync(["400001", "400101"]);

        Assert.Equal(["-f", "-l", "-u", "glidein"], runner.Commands.Single().Arguments.ToArray());
        Assert.Equal(BatchJobState.Vanished, snapshot.Jobs["400001"].State);
        Assert.Equal(BatchJobState.Pending, snapshot.Jobs["400101"].State);
    }

    [Fact]
    public async Task Queue_manager_down_is_unavailable()
    {
        var runner = new ScriptedProcessRunner(c => ScriptedProcessRunner.Result(c, 1, stderr: "component error: Failed to connect to queue-manager\n"));
        var adapter = new CobaltBatchSystem(
            new CobaltSiteOptions { Tag = Site1, JobDirectory = "/tmp", Retry = BatchRetryPolicy.None }, runner);

        await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync());
    }
}
