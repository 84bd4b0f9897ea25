using CondorActors.Domain.Batch;
using CondorActors.Domain.Tests.Batch.Slurm;
using CondorActors.Kernel.Processes;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins.EndToEnd;

/// <summary>
/// The glidein lifecycle end to end with the REAL local Slurm (scripts/start-slurm.sh; the test
/// fails, never skips, when Slurm cannot be started). The batch jobs run the hpc-half stand-in,
/// which writes the heartbeat into the glidein's batch folder (same machine, same user).
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmGlideinEndToEndTests(SlurmFixture slurm, ITestOutputHelper output) : GlideinEndToEndTestBase(output)
{
    // squeue/sacct/scancel each take a fraction of a second here; a loaded CI machine gets more.
    protected override TimeSpan CommandAllowance => TimeSpan.FromSeconds(20);

    protected override TimeSpan StartAllowance => TimeSpan.FromSeconds(60);

    [Fact]
    public Task Three_glideins_on_Slurm_run_scancel_and_SIGKILL_are_cleaned_up_within_two_polls_the_third_drains()
    {
        slurm.EnsureStarted();
        return RunLifecycleAsync();
    }

    protected override IBatchSystem CreateBatchSystem() => slurm.CreateAdapter(SlurmFixture.NewTag());

    protected override async Task CancelExternallyAsync(string batchJobId) =>
        await slurm.Runner.RunAsync(new ProcessCommand("scancel", [batchJobId]).WithTimeout(TimeSpan.FromSeconds(30)).WithValidation(throwOnNonZeroExit: false));
}
