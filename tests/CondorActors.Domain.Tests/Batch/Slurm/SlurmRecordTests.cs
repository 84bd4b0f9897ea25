using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;

namespace CondorActors.Domain.Tests.Batch.Slurm;

public sealed class SlurmRecordTests
{
    [Fact]
    public void Scontrol_show_job_of_a_killed_job_is_failed_with_signal_9()
    {
        var status = SlurmRecord.ToStatus(SlurmRecord.Parse(TestData.Read("slurm/scontrol-show-job-killed.txt").Trim()), BatchStatusSource.JobDetail);

        Assert.Equal("26", status.JobId);
        Assert.Equal(BatchJobState.Failed, status.State);
        Assert.Equal("JobLaunchFailure", status.Reason);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(9, status.Signal);
        Assert.Equal("tb7d91b138b-killed", status.Name);
    }

    [Fact]
    public void Values_with_spaces_stay_whole()
    {
        var fields = SlurmRecord.Parse("JobId=7 WorkDir=/home/a b/c Comment=two words JobState=RUNNING ");

        Assert.Equal("/home/a b/c", fields["WorkDir"]);
        Assert.Equal("two words", fields["Comment"]);
        Assert.Equal("RUNNING", fields["JobState"]);
    }

    [Fact]
    public void A_record_without_state_is_rejected() =>
        Assert.Throws<BatchOutputFormatException>(() => SlurmRecord.ToStatus(SlurmRecord.Parse("JobId=7 UserId=root(0)"), BatchStatusSource.JobDetail));

    [Fact]
    public async Task The_job_completion_log_gives_the_last_record_of_each_wanted_job()
    {
        var found = (await SlurmJobCompletionLog.FindAsync(TestData.PathOf("slurm/jobcomp.txt"), ["1", "26", "999"], CancellationToken.None))
            .ToDictionary(s => s.JobId);

        Assert.Equal(["1", "26"], found.Keys.Order());
        Assert.Equal((BatchJobState.Failed, 3), (found["1"].State, found["1"].ExitCode));
        Assert.Equal(9, found["26"].Signal);
        Assert.All(found.Values, s => Assert.Equal(BatchStatusSource.CompletionRecord, s.Source));
    }

    [Fact]
    public async Task A_missing_job_completion_log_finds_nothing() =>
        Assert.Empty(await SlurmJobCompletionLog.FindAsync("/nonexistent/jobcomp.txt", ["1"], CancellationToken.None));

    [Fact]
    public void Show_config_tells_version_accounting_and_the_completion_log()
    {
        var capabilities = SlurmCapabilities.Parse(TestData.Read("slurm/scontrol-show-config.txt"));

        Assert.Equal("22.05.8", capabilities.Version);
        Assert.True(capabilities.SupportsJson);
        Assert.False(capabilities.AccountingEnabled);
        Assert.EndsWith("jobcomp.txt", capabilities.JobCompletionLogPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Sacct_lines_map_states_with_suffixes_and_the_last_line_of_a_job_wins()
    {
        var jobs = SacctOutput.Parse(TestData.Read("slurm/sacct.txt"));

        Assert.Equal(BatchJobState.Completed, jobs["201"].State);
        Assert.Equal((BatchJobState.Cancelled, "CANCELLED by 1234", 15), (jobs["202"].State, jobs["202"].RawState, jobs["202"].Signal));
        Assert.Equal((BatchJobState.NodeFail, 1), (jobs["203"].State, jobs["203"].ExitCode));
        Assert.All(jobs.Values, s => Assert.Equal(BatchStatusSource.Accounting, s.Source));
    }

    [Fact]
    public void Truncated_sacct_output_is_rejected()
    {
        var text = TestData.Read("slurm/sacct.txt");

        Assert.Throws<BatchOutputFormatException>(() => SacctOutput.Parse(text[..^10]));
    }
}
