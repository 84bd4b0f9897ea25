using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Persistence.InMemory;

namespace CondorActors.Kernel.Tests.Persistence;

public sealed class InMemoryJournalTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task A_taken_sequence_number_is_a_concurrency_error_and_nothing_of_the_batch_is_stored()
    {
        var journal = new InMemoryJournal();
        await journal.WriteAsync([Entry("p", 1, "a")]);

        var ex = await Assert.ThrowsAsync<JournalConcurrencyException>(() => journal.WriteAsync([Entry("q", 1, "q1"), Entry("p", 1, "b"), Entry("p", 2, "c")]));

        Assert.Equal("p", ex.PersistenceId);
        Assert.Equal(1, ex.SequenceNr);
        Assert.Equal(["a"], await PayloadsAsync(journal, "p"));
        Assert.Empty(await PayloadsAsync(journal, "q"));
    }

    [Fact]
    public async Task A_gap_in_sequence_numbers_is_rejected()
    {
        var journal = new InMemoryJournal();

        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.WriteAsync([Entry("p", 2, "x")]));
        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("p"));
    }

    [Fact]
    public async Task Deletion_keeps_the_highest_sequence_number_and_replay_honours_the_range()
    {
        var journal = new InMemoryJournal();
        await journal.WriteAsync([Entry("p", 1, "a"), Entry("p", 2, "b"), Entry("p", 3, "c"), Entry("p", 4, "d")]);

        Assert.Equal(["b", "c"], await PayloadsAsync(journal, "p", 2, 3));
        await journal.DeleteUpToAsync("p", 4);

        Assert.Empty(await PayloadsAsync(journal, "p"));
        Assert.Equal(4, await journal.ReadHighestSequenceNrAsync("p"));
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => journal.WriteAsync([Entry("p", 4, "again")]));
        await journal.WriteAsync([Entry("p", 5, "e")]);
    }

    private static JournalEntry Entry(string id, long seq, string payload) => new(id, seq, "m.v1", payload, Now, "node");

    private static async Task<List<string>> PayloadsAsync(InMemoryJournal journal, string id, long from = 1, long to = long.MaxValue)
    {
        var payloads = new List<string>();
        await journal.ReplayAsync(id, from, to, e =>
        {
            payloads.Add(e.Payload);
            return ValueTask.CompletedTask;
        });
        return payloads;
    }
}
