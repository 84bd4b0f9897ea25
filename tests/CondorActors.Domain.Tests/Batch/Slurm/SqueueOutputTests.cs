using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;

namespace CondorActors.Domain.Tests.Batch.Slurm;

public sealed class SqueueOutputTests
{
    private static readonly BatchJobTag TagX = new("tagx");

    [Fact]
    public void Recorded_finished_jobs_keep_raw_state_exit_code_and_signal()
    {
        var jobs = SqueueOutput.Parse(TestData.Read("slurm/squeue-observed.txt"), tag: null).ToDictionary(j => j.JobId);

        Assert.Equal(40, jobs.Count);
        Assert.Equal((BatchJobState.Failed, "FAILED", 3, (int?)null), Outcome(jobs["1"]));
        Assert.Equal((BatchJobState.Failed, "FAILED", 7, (int?)null), Outcome(jobs["9"]));
        Assert.Equal((BatchJobState.Failed, "FAILED", 0, (int?)9), Outcome(jobs["19"]));
        Assert.Equal("JobLaunchFailure", jobs["19"].Reason);
        Assert.Equal((BatchJobState.Cancelled, "CANCELLED", 0, (int?)15), Outcome(jobs["22"]));
        Assert.Equal((BatchJobState.Timeout, "TIMEOUT", 0, (int?)15), Outcome(jobs["18"]));
        Assert.Equal((BatchJobState.Completed, "COMPLETED", 0, (int?)null), Outcome(jobs["5"]));
        Assert.Equal("condoractors-glidein-0123456789abcdef-very-long-name", jobs["5"].Name);
        Assert.Equal(new DateTimeOffset(new DateTime(2026, 11, 21, 20, 38, 41, DateTimeKind.Local)), jobs["5"].EndTime);
    }

    [Fact]
    public void Recorded_active_jobs_have_no_exit_code_and_no_estimated_times()
    {
        var jobs = SqueueOutput.Parse(TestData.Read("slurm/squeue-active.txt"), new BatchJobTag("rec")).ToDictionary(j => j.JobId);

        Assert.Equal(["41", "42", "43", "44"], jobs.Keys.Order());
        Assert.Equal(BatchJobState.Pending, jobs["43"].State);
        Assert.Equal("BeginTime", jobs["43"].Reason);
        Assert.Null(jobs["43"].StartTime);
        Assert.Equal(BatchJobState.Held, jobs["44"].State);
        Assert.Equal(BatchJobState.Running, jobs["41"].State);
        Assert.Equal("vm", jobs["41"].NodeList);
        Assert.NotNull(jobs["41"].StartTime);
        Assert.Null(jobs["41"].EndTime);
        Assert.All(jobs.Values, j => Assert.Null(j.ExitCode));
    }

    [Fact]
    public void The_tag_selects_by_comment_or_by_name_prefix()
    {
        var ids = SqueueOutput.Parse(TestData.Read("slurm/squeue-all-states.txt"), TagX).Select(j => j.JobId).ToList();

        Assert.Contains("128", ids);
        Assert.DoesNotContain("127", ids);
        Assert.DoesNotContain("129", ids);
        Assert.Equal(27, ids.Count);
    }

    [Fact]
    public void Every_state_of_the_recorded_listing_maps_and_unknown_ones_stay_raw()
    {
        var jobs = SqueueOutput.Parse(TestData.Read("slurm/squeue-all-states.txt"), TagX).ToDictionary(j => j.JobId);

        Assert.Equal(BatchJobState.Unknown, jobs["126"].State);
        Assert.Equal("QUANTUM_ENTANGLED", jobs["126"].RawState);
        Assert.Equal(BatchJobState.NodeFail, jobs["109"].State);
        Assert.Equal(BatchJobState.OutOfMemory, jobs["111"].State);
        Assert.Equal(1, jobs["107"].ExitCode);
        Assert.Equal("nid[0001-0004]", jobs["103"].NodeList);
        Assert.Equal(BatchJobState.Held, jobs["125"].State);
        Assert.All(jobs.Values.Where(j => j.JobId != "126"), j => Assert.NotEqual(BatchJobState.Unknown, j.State));
    }

    [Fact]
    public void Empty_output_means_no_jobs() => Assert.Empty(SqueueOutput.Parse(string.Empty, TagX));

    [Fact]
    public void Output_cut_in_the_middle_of_a_line_is_rejected_whole()
    {
        var full = TestData.Read("slurm/squeue-all-states.txt");

        var error = Assert.Throws<BatchOutputFormatException>(() => SqueueOutput.Parse(full[..(full.Length / 2)], TagX));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_missing_fields_is_rejected_with_its_line_number()
    {
        var lines = TestData.Read("slurm/squeue-all-states.txt").Split('\n');
        lines[2] = lines[2][..lines[2].LastIndexOf(SqueueOutput.Separator, lines[2].Length - 2)];

        var error = Assert.Throws<BatchOutputFormatException>(() => SqueueOutput.Parse(string.Join('\n', lines), TagX));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_argument_asks_for_every_parsed_field_with_the_separator()
    {
        Assert.StartsWith("JobID:\u001f,Name:\u001f,State:\u001f", SqueueOutput.FormatArgument, StringComparison.Ordinal);
        Assert.Equal(SqueueOutput.Fields.Length, SqueueOutput.FormatArgument.Count(c => c == SqueueOutput.Separator));
    }

    private static (BatchJobState, string, int?, int?) Outcome(BatchJobStatus s) => (s.State, s.RawState, s.ExitCode, s.Signal);
}
