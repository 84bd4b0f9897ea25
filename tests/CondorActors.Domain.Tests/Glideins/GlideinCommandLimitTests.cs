using CondorActors.Domain.Batch;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using Xunit;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>The site's glideins never run more external commands at once than <see cref="GlideinSiteSettings.MaxConcurrentCommands"/>.</summary>
public sealed class GlideinCommandLimitTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    [Fact]
    public async Task Glideins_cancelled_at_once_never_run_more_commands_than_the_site_limit_and_all_finish_cleanup()
    {
        Settings = Settings with { MaxConcurrentCommands = 3 };
        var gauge = new Gauge();
        var context = new GlideinSiteContext(Settings, new GaugedBatch(Batch, gauge), new GaugedCondor(Condor, gauge), Bridge, Orphans);
        var site = Sys.ActorOf(SiteActor.Props(context), "site");
        var ids = await RequestAsync(site, 12);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync(2);
        foreach (var id in ids)
        {
            await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);
        }

        foreach (var id in ids)
        {
            site.Tell(new ToGlidein(id, new CancelGlidein("test")));
        }

        // Every cleanup step that runs commands completes: cancel, invalidate + confirm, record + vacate jobs.
        foreach (var id in ids)
        {
            await EventuallyAsync(async () => Assert.Contains(CleanupStep.VacateJobs, (await GlideinAsync(site, id)).CompletedSteps));
        }

        Assert.Equal(12, Batch.Cancels);
        Assert.Equal(12, Condor.Calls(nameof(IGlideinCondorOps.InvalidateStartdAdsAsync)));
        Assert.InRange(gauge.Max, 2, 3);
        Assert.Equal(0, gauge.Current);
        Assert.Equal(3, context.Commands.Free);
    }

    /// <summary>Counts commands in flight; each takes a little real time so that concurrent ones overlap.</summary>
    private sealed class Gauge
    {
        private int _current;
        private int _max;

        public int Current => Volatile.Read(ref _current);

        public int Max => Volatile.Read(ref _max);

        public async Task<T> RunAsync<T>(Func<Task<T>> command)
        {
            var now = Interlocked.Increment(ref _current);
            for (var max = Max; now > max; max = Max)
            {
                Interlocked.CompareExchange(ref _max, now, max);
            }

            try
            {
                await Task.Delay(10);
                return await command();
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }

        public Task RunAsync(Func<Task> command) => RunAsync(async () =>
        {
            await command();
            return 0;
        });
    }

    private sealed class GaugedBatch(FakeBatchSystem inner, Gauge gauge) : IBatchSystem
    {
        public string Kind => inner.Kind;

        public Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default) =>
            gauge.RunAsync(() => inner.SubmitAsync(request, cancellationToken));

        // The site's poll: once per interval, outside the limit.
        public Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default) =>
            inner.GetStatusAsync(expectedJobIds, cancellationToken);

        public Task CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
            gauge.RunAsync(() => inner.CancelAsync(jobId, cancellationToken));
    }

    private sealed class GaugedCondor(CountingCondorOps inner, Gauge gauge) : IGlideinCondorOps
    {
        public Task InvalidateStartdAdsAsync(string glideinId, CancellationToken cancellationToken = default) =>
            gauge.RunAsync(() => inner.InvalidateStartdAdsAsync(glideinId, cancellationToken));

        public Task<IReadOnlyList<ClassAd>> QueryGlideinAdsAsync(string site, string? glideinId = null, CancellationToken cancellationToken = default) =>
            glideinId is null
                ? inner.QueryGlideinAdsAsync(site, glideinId, cancellationToken)
                : gauge.RunAsync(() => inner.QueryGlideinAdsAsync(site, glideinId, cancellationToken));

        public Task VacateJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default) =>
            gauge.RunAsync(() => inner.VacateJobsAsync(jobIds, cancellationToken));

        public Task<IReadOnlyList<GlideinJob>> QueryJobsOnAsync(string glideinId, CancellationToken cancellationToken = default) =>
            gauge.RunAsync(() => inner.QueryJobsOnAsync(glideinId, cancellationToken));

        public Task<IReadOnlyList<GlideinJob>> GetJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default) =>
            gauge.RunAsync(() => inner.GetJobsAsync(jobIds, cancellationToken));
    }
}
