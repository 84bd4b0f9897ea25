using CondorActors.Kernel.Persistence;

namespace CondorActors.Kernel.Tests.Persistence;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Latest_snapshot_at_or_below_the_limit_is_loaded()
    {
        foreach (var seq in new long[] { 5, 10, 15 })
        {
            await Snapshots.SaveAsync(new SnapshotEntry("g-1", seq, "state.v1", $"{{\"at\":{seq}}}", T0.AddMinutes(seq)));
        }

        await Snapshots.SaveAsync(new SnapshotEntry("g-2", 99, "state.v1", "{}", T0));

        var latest = await Snapshots.LoadLatestAsync("g-1");
        Assert.NotNull(latest);
        Assert.Equal(15, latest.SequenceNr);
        Assert.Equal("state.v1", latest.Manifest);
        AssertSameJson("{\"at\":15}", latest.Payload);
        Assert.Equal(T0.AddMinutes(15), latest.Timestamp);
        Assert.Equal(10, (await Snapshots.LoadLatestAsync("g-1", 14))?.SequenceNr);
        Assert.Equal(10, (await Snapshots.LoadLatestAsync("g-1", 10))?.SequenceNr);
        Assert.Null(await Snapshots.LoadLatestAsync("g-1", 4));
        Assert.Null(await Snapshots.LoadLatestAsync("nobody"));
    }

    [Fact]
    public async Task Saving_at_an_existing_number_replaces_that_snapshot()
    {
        await Snapshots.SaveAsync(new SnapshotEntry("g-1", 7, "state.v1", "{\"v\":1}", T0));
        await Snapshots.SaveAsync(new SnapshotEntry("g-1", 7, "state.v2", "{\"v\":2}", T0.AddHours(1)));

        var latest = await Snapshots.LoadLatestAsync("g-1");

        Assert.NotNull(latest);
        Assert.Equal("state.v2", latest.Manifest);
        AssertSameJson("{\"v\":2}", latest.Payload);
        Assert.Equal(T0.AddHours(1), latest.Timestamp);
    }

    [Fact]
    public async Task Deleting_snapshots_up_to_a_number_keeps_later_ones_and_other_ids()
    {
        foreach (var seq in new long[] { 5, 10, 15 })
        {
            await Snapshots.SaveAsync(new SnapshotEntry("g-1", seq, "state.v1", "{}", T0));
        }

        await Snapshots.SaveAsync(new SnapshotEntry("g-2", 5, "state.v1", "{}", T0));

        await Snapshots.DeleteUpToAsync("g-1", 10);

        Assert.Null(await Snapshots.LoadLatestAsync("g-1", 14));
        Assert.Equal(15, (await Snapshots.LoadLatestAsync("g-1"))?.SequenceNr);
        Assert.Equal(5, (await Snapshots.LoadLatestAsync("g-2"))?.SequenceNr);
    }
}
