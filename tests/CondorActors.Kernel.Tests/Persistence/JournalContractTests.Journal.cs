using CondorActors.Kernel.Persistence;

namespace CondorActors.Kernel.Tests.Persistence;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Written_events_replay_in_order_with_every_field()
    {
        var written = Events("g-1", 1, 5);
        await Journal.WriteAsync(written[..2]);
        await Journal.WriteAsync(written[2..]);

        var replayed = await ReplayAllAsync(Journal, "g-1");

        Assert.Equal(Range(1, 5), SequenceNrs(replayed));
        for (var i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i].PersistenceId, replayed[i].PersistenceId);
            Assert.Equal(written[i].Manifest, replayed[i].Manifest);
            AssertSameJson(written[i].Payload, replayed[i].Payload);
            Assert.Equal(written[i].Timestamp, replayed[i].Timestamp);
            Assert.Equal(written[i].WriterNode, replayed[i].WriterNode);
        }
    }

    [Fact]
    public async Task Replay_returns_exactly_the_requested_range()
    {
        await Journal.WriteAsync(Events("g-1", 1, 10));
        await Journal.WriteAsync(Events("g-2", 1, 3));

        Assert.Equal(Range(3, 7), SequenceNrs(await ReplayAllAsync(Journal, "g-1", 3, 7)));
        Assert.Equal(Range(9, 10), SequenceNrs(await ReplayAllAsync(Journal, "g-1", 9, 100)));
        Assert.Equal(new long[] { 4 }, SequenceNrs(await ReplayAllAsync(Journal, "g-1", 4, 4)));
        Assert.Empty(await ReplayAllAsync(Journal, "g-1", 11, long.MaxValue));
        Assert.Empty(await ReplayAllAsync(Journal, "g-1", 7, 3));
        Assert.Equal(Range(1, 3), SequenceNrs(await ReplayAllAsync(Journal, "g-2")));
    }

    [Fact]
    public async Task Unknown_id_has_no_events_and_highest_zero()
    {
        await Journal.WriteAsync(Events("g-1", 1, 2));

        Assert.Empty(await ReplayAllAsync(Journal, "nobody"));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("nobody"));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("g-"));
    }

    [Fact]
    public async Task Highest_sequence_number_follows_the_writes()
    {
        await Journal.WriteAsync(Events("g-1", 1, 3));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync("g-1"));

        await Journal.WriteAsync([Event("g-1", 4)]);
        Assert.Equal(4, await Journal.ReadHighestSequenceNrAsync("g-1"));
    }

    [Fact]
    public async Task Delete_up_to_removes_events_and_keeps_the_highest_number()
    {
        await Journal.WriteAsync(Events("g-1", 1, 6));

        await Journal.DeleteUpToAsync("g-1", 4);
        Assert.Equal(Range(5, 6), SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
        Assert.Equal(6, await Journal.ReadHighestSequenceNrAsync("g-1"));

        await Journal.DeleteUpToAsync("g-1", long.MaxValue);
        Assert.Empty(await ReplayAllAsync(Journal, "g-1"));
        Assert.Equal(6, await Journal.ReadHighestSequenceNrAsync("g-1"));

        await ReopenAsync();
        Assert.Equal(6, await Journal.ReadHighestSequenceNrAsync("g-1"));
    }

    [Fact]
    public async Task After_deleting_everything_numbers_continue_and_old_ones_cannot_be_reused()
    {
        await Journal.WriteAsync(Events("g-1", 1, 3));
        await Journal.DeleteUpToAsync("g-1", 3);

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync([Event("g-1", 1)]));
        await Journal.WriteAsync([Event("g-1", 4)]);

        Assert.Equal(new long[] { 4 }, SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
        Assert.Equal(4, await Journal.ReadHighestSequenceNrAsync("g-1"));
    }

    [Fact]
    public async Task A_batch_that_overlaps_stored_events_is_refused_whole()
    {
        await Journal.WriteAsync(Events("g-1", 1, 3));

        var error = await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync(Events("g-1", 3, 5)));

        Assert.Equal("g-1", error.PersistenceId);
        Assert.Equal(3, error.SequenceNr);
        Assert.Equal(Range(1, 3), SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync("g-1"));
    }

    [Fact]
    public async Task A_batch_that_would_leave_a_gap_is_refused()
    {
        await Journal.WriteAsync([Event("g-1", 1)]);

        var error = await Assert.ThrowsAsync<JournalSequenceGapException>(() => Journal.WriteAsync(Events("g-1", 3, 4)));

        Assert.Equal(2, error.ExpectedSequenceNr);
        Assert.Equal(new long[] { 1 }, SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
        await Assert.ThrowsAsync<JournalSequenceGapException>(() => Journal.WriteAsync([Event("fresh", 2)]));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("fresh"));
    }

    [Fact]
    public async Task Second_writer_of_an_id_gets_a_concurrency_error_and_nothing_is_overwritten()
    {
        var nodeB = Open(writerNode: "node-b").Journal;
        await Journal.WriteAsync([Event("g-1", 1, "{\"by\":\"a\"}")]);

        await Assert.ThrowsAsync<JournalConcurrencyException>(
            () => nodeB.WriteAsync([Event("g-1", 1, "{\"by\":\"b\"}") with { WriterNode = "node-b" }]));

        var stored = Assert.Single(await ReplayAllAsync(nodeB, "g-1"));
        AssertSameJson("{\"by\":\"a\"}", stored.Payload);
        Assert.Equal("node-a", stored.WriterNode);
    }

    [Fact]
    public async Task A_number_another_node_wrote_and_deleted_is_not_written_again()
    {
        // Node A knows g-1 up to 2; node B appends 3 and deletes up to it, so no row 3 is left
        // for a unique key to collide with: only the remembered highest number refuses A's 3.
        await Journal.WriteAsync(Events("g-1", 1, 2));
        var nodeB = Open(writerNode: "node-b").Journal;
        await nodeB.WriteAsync([Event("g-1", 3) with { WriterNode = "node-b" }]);
        await nodeB.DeleteUpToAsync("g-1", 3);

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => Journal.WriteAsync([Event("g-1", 3)]));

        Assert.Empty(await ReplayAllAsync(Journal, "g-1"));
        await Journal.WriteAsync([Event("g-1", 4)]);
        Assert.Equal(new long[] { 4 }, SequenceNrs(await ReplayAllAsync(nodeB, "g-1")));
    }

    [Fact]
    public async Task Invalid_arguments_are_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([Event("g-1", 1), Event("g-2", 2)]));
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([Event("g-1", 1), Event("g-1", 3)]));
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([Event("g-1", 0)]));

        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("g-1"));
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Journal.WriteAsync([Event("g-1", 1, "{not json")]));

        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("g-1"));
        await Journal.WriteAsync([Event("g-1", 1)]);
        Assert.Equal(1, await Journal.ReadHighestSequenceNrAsync("g-1"));
    }

    [Fact]
    public async Task Unicode_and_large_payloads_round_trip()
    {
        const string Id = "glidein/Zürich-站点-🚀";
        var unicode = "{\"text\":\"Grüße, 你好, שלום, émoji 🧪, quote \\\" backslash \\\\ tab \\t\",\"n\":1.5e300}";
        var large = "{\"blob\":\"" + new string('x', 2_000_000) + "\",\"tail\":[1,2,3]}";

        await Journal.WriteAsync([Event(Id, 1, unicode, "Événement.v1"), Event(Id, 2, large)]);

        var replayed = await ReplayAllAsync(Journal, Id);
        Assert.Equal(2, replayed.Count);
        Assert.Equal("Événement.v1", replayed[0].Manifest);
        Assert.Equal(Id, replayed[0].PersistenceId);
        AssertSameJson(unicode, replayed[0].Payload);
        AssertSameJson(large, replayed[1].Payload);
    }

    [Fact]
    public async Task Timestamps_and_writer_node_round_trip()
    {
        // Sub-microsecond ticks and a non-UTC offset: stored as the same instant, in UTC, to the microsecond.
        var local = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        await Journal.WriteAsync([Event("g-1", 1) with { Timestamp = local, WriterNode = "bridge-7.example.org" }]);
        await Journal.WriteAsync([Event("g-1", 2) with { WriterNode = "" }]);

        var replayed = await ReplayAllAsync(Journal, "g-1");

        Assert.Equal(local.UtcTicks - 7, replayed[0].Timestamp.UtcTicks);
        Assert.Equal(TimeSpan.Zero, replayed[0].Timestamp.Offset);
        Assert.Equal("bridge-7.example.org", replayed[0].WriterNode);
        Assert.Equal("node-a", replayed[1].WriterNode);
    }

    [Fact]
    public async Task Reopening_keeps_the_data_and_applies_each_migration_once()
    {
        await Journal.WriteAsync(Events("g-1", 1, 3));
        await Snapshots.SaveAsync(new SnapshotEntry("g-1", 2, "state.v1", "{\"s\":2}", T0));

        await ReopenAsync();
        await ReopenAsync();

        Assert.Equal(Range(1, 3), SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
        Assert.Equal(2, (await Snapshots.LoadLatestAsync("g-1"))?.SequenceNr);
        Assert.Equal(KnownSchemaVersions, await ReadSchemaVersionsAsync(_options));
    }

    [Fact]
    public async Task Stores_starting_at_once_on_new_storage_create_the_schema_once()
    {
        var nodes = Enumerable.Range(0, 4).Select(i => Open(writerNode: $"node-{i}")).ToArray();

        await Task.WhenAll(nodes.Select(n => n.EnsureSchemaAsync(CancellationToken.None)));
        await Task.WhenAll(nodes.Select((n, i) => n.Journal.WriteAsync([Event($"g-{i}", 1)])));

        Assert.Equal(KnownSchemaVersions, await ReadSchemaVersionsAsync(_options));
        Assert.Equal(1, await Journal.ReadHighestSequenceNrAsync("g-3"));
    }

    [Fact]
    public async Task Disposal_flushes_pending_writes_then_refuses_new_ones()
    {
        var journal = Open().Journal;
        var pending = Enumerable.Range(0, 50).Select(i => journal.WriteAsync(Events($"g-{i}", 1, 2))).ToArray();

        await journal.DisposeAsync();

        Assert.All(pending, t => Assert.True(t.IsCompletedSuccessfully));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.WriteAsync([Event("late", 1)]));
        Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync("g-49"));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("late"));
    }
}
