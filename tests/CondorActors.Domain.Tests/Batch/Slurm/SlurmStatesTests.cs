using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;

namespace CondorActors.Domain.Tests.Batch.Slurm;

public sealed class SlurmStatesTests
{
    [Theory]
    [InlineData("PENDING", BatchJobState.Pending)]
    [InlineData("CONFIGURING", BatchJobState.Pending)]
    [InlineData("RUNNING", BatchJobState.Running)]
    [InlineData("COMPLETING", BatchJobState.Completing)]
    [InlineData("COMPLETED", BatchJobState.Completed)]
    [InlineData("CANCELLED", BatchJobState.Cancelled)]
    [InlineData("FAILED", BatchJobState.Failed)]
    [InlineData("TIMEOUT", BatchJobState.Timeout)]
    [InlineData("NODE_FAIL", BatchJobState.NodeFail)]
    [InlineData("PREEMPTED", BatchJobState.Preempted)]
    [InlineData("OUT_OF_MEMORY", BatchJobState.OutOfMemory)]
    [InlineData("BOOT_FAIL", BatchJobState.NodeFail)]
    [InlineData("DEADLINE", BatchJobState.Timeout)]
    [InlineData("REQUEUED", BatchJobState.Pending)]
    [InlineData("REQUEUE_HOLD", BatchJobState.Held)]
    [InlineData("REQUEUE_FED", BatchJobState.Pending)]
    [InlineData("RESIZING", BatchJobState.Running)]
    [InlineData("REVOKED", BatchJobState.Cancelled)]
    [InlineData("SIGNALING", BatchJobState.Running)]
    [InlineData("SPECIAL_EXIT", BatchJobState.Held)]
    [InlineData("STAGE_OUT", BatchJobState.Completing)]
    [InlineData("STOPPED", BatchJobState.Held)]
    [InlineData("SUSPENDED", BatchJobState.Held)]
    [InlineData("RESV_DEL_HOLD", BatchJobState.Held)]
    public void Every_Slurm_state_is_in_the_table(string raw, BatchJobState expected)
    {
        Assert.True(SlurmStates.Table.Contains(raw));
        Assert.Equal(expected, SlurmStates.Map(raw));
    }

    [Fact]
    public void The_table_has_exactly_the_documented_states_and_every_row_says_why()
    {
        Assert.Equal(24, SlurmStates.Table.Rows.Count);
        Assert.All(SlurmStates.Table.Rows, row => Assert.False(string.IsNullOrWhiteSpace(row.Meaning)));
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "batch-systems.md"));
        Assert.All(SlurmStates.Table.Rows, row => Assert.Contains($"| `{row.Raw}` | {row.State} |", doc, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PENDING", "JobHeldUser", BatchJobState.Held)]
    [InlineData("PENDING", "JobHeldAdmin", BatchJobState.Held)]
    [InlineData("PENDING", "Priority", BatchJobState.Pending)]
    [InlineData("CANCELLED by 1234", null, BatchJobState.Cancelled)]
    [InlineData("SOMETHING_NEW", null, BatchJobState.Unknown)]
    [InlineData("", null, BatchJobState.Unknown)]
    public void Reasons_and_suffixes_refine_the_mapping(string raw, string? reason, BatchJobState expected) =>
        Assert.Equal(expected, SlurmStates.Map(raw, reason));

    [Fact]
    public void Only_ended_states_are_final()
    {
        BatchJobState[] final =
        [
            BatchJobState.Completed, BatchJobState.Failed, BatchJobState.Cancelled, BatchJobState.Timeout,
            BatchJobState.NodeFail, BatchJobState.Preempted, BatchJobState.OutOfMemory, BatchJobState.Vanished,
        ];

        Assert.All(Enum.GetValues<BatchJobState>(), state => Assert.Equal(final.Contains(state), state.IsFinal()));
    }
}
