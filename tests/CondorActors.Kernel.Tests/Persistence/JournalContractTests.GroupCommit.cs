using CondorActors.Kernel.Persistence;

namespace CondorActors.Kernel.Tests.Persistence;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Many_concurrent_writers_share_flushes_and_each_gets_all_its_events()
    {
        const int Writers = 200;
        const int EventsPerWriter = 5;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            for (var seq = 1; seq <= EventsPerWriter; seq++)
            {
                await Journal.WriteAsync([Event($"writer-{w}", seq, $"{{\"w\":{w},\"seq\":{seq}}}")]);
            }
        }));

        for (var w = 0; w < Writers; w++)
        {
            var replayed = await ReplayAllAsync(Journal, $"writer-{w}");
            Assert.Equal(Range(1, EventsPerWriter), SequenceNrs(replayed));
            AssertSameJson($"{{\"w\":{w},\"seq\":{EventsPerWriter}}}", replayed[^1].Payload);
        }

        // 1,000 writes; without grouping that would be 1,000 transactions.
        var flushes = ((IGroupCommitJournal)Journal).FlushCount;
        Assert.True(flushes < Writers * EventsPerWriter / 2, $"{flushes} flushes for {Writers * EventsPerWriter} writes: group commit did not group");
    }

    [Fact]
    public async Task One_conflicting_batch_fails_alone_and_the_others_in_its_flush_commit()
    {
        await Journal.WriteAsync(Events("taken", 1, 2));

        // All enqueued before any is awaited, so they meet in one or two flushes.
        var good = Enumerable.Range(0, 100).Select(i => Journal.WriteAsync(Events($"g-{i}", 1, 3))).ToList();
        var conflicting = Journal.WriteAsync(Events("taken", 2, 4));
        var gap = Journal.WriteAsync([Event("gap", 5)]);
        var notJson = Journal.WriteAsync([Event("bad-json", 1, "[1,")]);
        good.AddRange(Enumerable.Range(100, 100).Select(i => Journal.WriteAsync(Events($"g-{i}", 1, 3))));

        await Task.WhenAll(good);
        var conflict = await Assert.ThrowsAsync<JournalConcurrencyException>(() => conflicting);
        await Assert.ThrowsAsync<JournalSequenceGapException>(() => gap);
        await Assert.ThrowsAsync<ArgumentException>(() => notJson);

        Assert.Equal("taken", conflict.PersistenceId);
        Assert.Equal(Range(1, 2), SequenceNrs(await ReplayAllAsync(Journal, "taken")));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("gap"));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("bad-json"));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Range(1, 3), SequenceNrs(await ReplayAllAsync(Journal, $"g-{i}")));
        }
    }

    [Fact]
    public async Task A_refused_single_event_write_fails_alone_among_single_event_writes_of_its_flush()
    {
        await Journal.WriteAsync([Event("taken", 1)]);

        // Single-event writes, all enqueued before any is awaited, so they meet in one or two
        // flushes; a refused write must not take the flush (or a later write of its id) down.
        var good = new List<Task>();
        for (var i = 0; i < 100; i++)
        {
            good.Add(Journal.WriteAsync([Event($"s-{i}", 1, $"{{\"i\":{i}}}")]));
            good.Add(Journal.WriteAsync([Event("chain", (2 * i) + 1)]));
            good.Add(Journal.WriteAsync([Event("chain", (2 * i) + 2)]));
        }

        var notJson = Journal.WriteAsync([Event("bad-json", 1, "[1,")]);
        var conflicting = Journal.WriteAsync([Event("taken", 1)]);
        var afterBad = Journal.WriteAsync([Event("bad-json", 2)]);
        for (var i = 100; i < 200; i++)
        {
            good.Add(Journal.WriteAsync([Event($"s-{i}", 1, $"{{\"i\":{i}}}")]));
        }

        await Task.WhenAll(good);
        await Assert.ThrowsAsync<ArgumentException>(() => notJson);
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => conflicting);
        await Assert.ThrowsAsync<JournalSequenceGapException>(() => afterBad);

        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync("bad-json"));
        Assert.Equal(Range(1, 1), SequenceNrs(await ReplayAllAsync(Journal, "taken")));
        Assert.Equal(Range(1, 200), SequenceNrs(await ReplayAllAsync(Journal, "chain")));
        for (var i = 0; i < 200; i++)
        {
            var replayed = await ReplayAllAsync(Journal, $"s-{i}");
            Assert.Equal(Range(1, 1), SequenceNrs(replayed));
            AssertSameJson($"{{\"i\":{i}}}", replayed[0].Payload);
        }

        // The store is still usable for the ids the refused statement held.
        await Journal.WriteAsync([Event("bad-json", 1)]);
        await Journal.WriteAsync([Event("s-0", 2)]);
        Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync("s-0"));
    }

    [Fact]
    public async Task Two_writes_of_one_id_in_the_same_flush_chain_or_conflict()
    {
        var first = Journal.WriteAsync(Events("g-1", 1, 2));
        var second = Journal.WriteAsync(Events("g-1", 3, 4));
        var duplicate = Journal.WriteAsync(Events("g-1", 3, 3));

        await first;
        await second;
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => duplicate);
        Assert.Equal(Range(1, 4), SequenceNrs(await ReplayAllAsync(Journal, "g-1")));
    }

    [Fact]
    public async Task Without_group_commit_every_write_is_its_own_transaction()
    {
        var journal = Open(groupCommit: false).Journal;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => journal.WriteAsync(Events($"g-{i}", 1, 2))));

        Assert.Equal(20, ((IGroupCommitJournal)journal).FlushCount);
        Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync("g-19"));
    }
}
