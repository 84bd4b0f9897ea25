using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Local;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins.EndToEnd;

/// <summary>The glidein lifecycle end to end with the local batch system (quick, nothing installed).</summary>
public sealed class LocalGlideinEndToEndTests(ITestOutputHelper output) : GlideinEndToEndTestBase(output)
{
    private LocalBatchSystem? _batch;

    protected override TimeSpan CommandAllowance => TimeSpan.FromSeconds(5);

    protected override TimeSpan StartAllowance => TimeSpan.FromSeconds(10);

    [Fact]
    public Task Three_glideins_run_two_die_and_are_cleaned_up_within_two_polls_the_third_drains() => RunLifecycleAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }
    }

    protected override IBatchSystem CreateBatchSystem() =>
        _batch = new LocalBatchSystem(new LocalSiteOptions { Tag = new BatchJobTag("e2e"), StateDirectory = Path.Combine(Root, "local-batch"), MaxRunning = 4 });

    // The local system's cancel is its scancel.
    protected override Task CancelExternallyAsync(string batchJobId) => _batch!.CancelAsync(batchJobId);
}
