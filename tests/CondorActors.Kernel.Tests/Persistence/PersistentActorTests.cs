using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Persistence;

public sealed class PersistentActorTests(ITestOutputHelper output) : PersistenceTestBase(output)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_handler_runs_only_after_the_event_is_durable()
    {
        var probe = CreateTestProbe();
        var notes = Notes("n-1", probe);
        await probe.ExpectMsgAsync<NotesActor.Recovered>(predicate: r => r.Message is RecoveryCompleted);
        Journal.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        notes.Tell(new NotesActor.Add("first"));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Empty(await StoredAsync("n-1"));
        Journal.Gate.SetResult();

        var applied = await probe.ExpectMsgAsync<NotesActor.Applied>();
        Assert.Equal(new NotesActor.Applied("first", 1), applied);
        var stored = Assert.Single(await StoredAsync("n-1"));
        Assert.Equal("note-added.v1", stored.Manifest);
        Assert.Contains("first", stored.Payload);
    }

    [Fact]
    public async Task Commands_arriving_during_a_persist_wait_and_are_not_lost()
    {
        var probe = CreateTestProbe();
        var notes = Notes("n-2", probe);
        await probe.ExpectMsgAsync<NotesActor.Recovered>(predicate: r => r.Message is RecoveryCompleted);
        Journal.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        notes.Tell(new NotesActor.Add("a"));
        var during = notes.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout);
        notes.Tell(new NotesActor.Add("b"));
        await Task.Delay(50);
        Assert.False(during.IsCompleted);
        Journal.Gate.SetResult();

        // The query queued during the write sees the event applied; nothing was dropped.
        Assert.Equal(["a"], (await during).Items);
        var final = await notes.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout);
        Assert.Equal(["a", "b"], final.Items);
        Assert.Equal(2, final.LastSequenceNr);
    }

    [Fact]
    public async Task PersistAll_writes_one_atomic_batch_and_nested_persists_follow()
    {
        var probe = CreateTestProbe();
        var notes = Notes("n-3", probe);

        notes.Tell(new NotesActor.AddMany(["x", "y", "z"]));
        notes.Tell(new NotesActor.AddTwice("w"));
        var result = await notes.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout);

        Assert.Equal(["x", "y", "z", "w", "w again"], result.Items);
        Assert.Equal(3, Journal.Writes);
        Assert.Equal([1L, 2, 3, 4, 5], (await StoredAsync("n-3")).Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Each_handler_of_PersistAll_sees_the_sequence_number_of_its_own_event()
    {
        var probe = CreateTestProbe();
        var notes = Notes("n-3b", probe);
        await probe.ExpectMsgAsync<NotesActor.Recovered>(predicate: r => r.Message is RecoveryCompleted);

        notes.Tell(new NotesActor.AddMany(["x", "y", "z"]));

        // A snapshot taken in the handler of "x" must claim sequence number 1, not 3, or
        // recovery from it would skip "y" and "z".
        Assert.Equal(new NotesActor.Applied("x", 1), await probe.ExpectMsgAsync<NotesActor.Applied>());
        Assert.Equal(new NotesActor.Applied("y", 2), await probe.ExpectMsgAsync<NotesActor.Applied>());
        Assert.Equal(new NotesActor.Applied("z", 3), await probe.ExpectMsgAsync<NotesActor.Applied>());
        Assert.Equal(3, (await notes.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout)).LastSequenceNr);
    }

    [Fact]
    public async Task Recovery_uses_the_latest_snapshot_then_the_later_events()
    {
        var probe = CreateTestProbe();
        var first = Notes("n-4", probe, "first");
        foreach (var text in new[] { "1", "2", "3" })
        {
            first.Tell(new NotesActor.Add(text));
        }

        Assert.Equal("snapshot-saved", await first.Ask<string>(new NotesActor.TakeSnapshot(), AskTimeout));
        first.Tell(new NotesActor.Add("4"));
        first.Tell(new NotesActor.Add("5"));
        await StopAsync(first, probe);
        var recovery = CreateTestProbe();

        var second = Notes("n-4", recovery, "second");

        var offer = Assert.IsType<SnapshotOffer>((await recovery.ExpectMsgAsync<NotesActor.Recovered>()).Message);
        Assert.Equal(3, offer.SequenceNr);
        Assert.Equal(new NotesActor.Added("4"), (await recovery.ExpectMsgAsync<NotesActor.Recovered>()).Message);
        Assert.Equal(new NotesActor.Added("5"), (await recovery.ExpectMsgAsync<NotesActor.Recovered>()).Message);
        Assert.IsType<RecoveryCompleted>((await recovery.ExpectMsgAsync<NotesActor.Recovered>()).Message);
        var state = await second.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout);
        Assert.Equal(["1", "2", "3", "4", "5"], state.Items);
        Assert.Equal(5, state.LastSequenceNr);
    }

    [Fact]
    public async Task Numbering_continues_after_deleted_events()
    {
        var probe = CreateTestProbe();
        var first = Notes("n-5", probe, "first");
        first.Tell(new NotesActor.Add("1"));
        first.Tell(new NotesActor.Add("2"));
        Assert.Equal("snapshot-saved", await first.Ask<string>(new NotesActor.TakeSnapshot(), AskTimeout));
        Assert.Equal("deleted", await first.Ask<string>(new NotesActor.DeleteUpTo(2), AskTimeout));
        await StopAsync(first, probe);

        var second = Notes("n-5", probe, "second");
        second.Tell(new NotesActor.Add("3"));
        var state = await second.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout);

        Assert.Equal(["1", "2", "3"], state.Items);
        Assert.Equal(3, state.LastSequenceNr);
        Assert.Equal([3L], (await StoredAsync("n-5")).Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task A_restart_after_a_failed_command_recovers_the_durable_state_and_drops_unwritten_events()
    {
        var probe = CreateTestProbe();
        var notes = Notes("n-6", probe);
        notes.Tell(new NotesActor.Add("kept"));

        notes.Tell(new NotesActor.Fail());
        notes.Tell(new NotesActor.Add("after"));
        var state = await notes.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout);

        Assert.Equal(["kept", "after"], state.Items);
        var stored = await StoredAsync("n-6");
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, e => e.Payload.Contains("never written", StringComparison.Ordinal));
        Assert.Equal(1, Sys.Metrics.Restarts);
    }

    [Fact]
    public async Task An_unknown_manifest_stops_only_that_actor_with_an_error_naming_id_and_sequence_number()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<MessageFailed>(failures.Ref);
        var now = DateTimeOffset.UtcNow;
        await Journal.WriteAsync(
        [
            new JournalEntry("broken", 1, "note-added.v1", """{"text":"ok"}""", now, "test"),
            new JournalEntry("broken", 2, "mystery.v9", "{}", now, "test"),
        ]);
        var probe = CreateTestProbe();
        var healthyProbe = CreateTestProbe();

        var broken = Notes("broken", probe, "broken");
        var healthy = Notes("healthy", healthyProbe, "healthy");
        probe.Watch(broken);

        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef == broken);
        var failure = Assert.IsType<RecoveryFailedException>((await failures.ExpectMsgAsync<MessageFailed>()).Cause);
        Assert.Equal("broken", failure.PersistenceId);
        Assert.Equal(2, failure.SequenceNr);
        Assert.Contains("'broken'", failure.Message);
        Assert.Contains("sequence number 2", failure.Message);
        Assert.Contains("mystery.v9", failure.Message);
        healthy.Tell(new NotesActor.Add("still fine"));
        Assert.Equal(["still fine"], (await healthy.Ask<NotesActor.Notes>(new NotesActor.Get(), AskTimeout)).Items);
    }

    [Fact]
    public async Task Two_actors_with_one_persistence_id_the_second_writer_gets_a_concurrency_error_and_stops()
    {
        var probe = CreateTestProbe();
        var one = Notes("shared", probe, "one");
        var two = Notes("shared", probe, "two");
        await probe.FishForMessageAsync<NotesActor.Recovered>(r => r.Message is RecoveryCompleted);
        await probe.FishForMessageAsync<NotesActor.Recovered>(r => r.Message is RecoveryCompleted);
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<MessageFailed>(failures.Ref);
        var watcher = CreateTestProbe();
        watcher.Watch(two);

        one.Tell(new NotesActor.Add("from one"));
        await probe.ExpectMsgAsync<NotesActor.Applied>();
        two.Tell(new NotesActor.Add("from two"));

        await watcher.ExpectTerminatedAsync(two);
        var conflict = Assert.IsType<JournalConcurrencyException>((await failures.ExpectMsgAsync<MessageFailed>()).Cause);
        Assert.Equal(1, conflict.SequenceNr);
        var stored = Assert.Single(await StoredAsync("shared"));
        Assert.Contains("from one", stored.Payload);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_journal_failure_stops_the_actor_without_running_the_handler()
    {
        var probe = CreateTestProbe();
        var notes = Notes("n-7", probe);
        await probe.ExpectMsgAsync<NotesActor.Recovered>(predicate: r => r.Message is RecoveryCompleted);
        probe.Watch(notes);
        Journal.FailWith = new IOException("disk full");

        notes.Tell(new NotesActor.Add("lost"));
        notes.Tell(new NotesActor.Get(), probe.Ref);

        await probe.ExpectTerminatedAsync(notes);
        Assert.Empty(await StoredAsync("n-7"));
    }

    private static async Task StopAsync(IActorRef actor, CondorActors.TestKit.TestProbe probe)
    {
        probe.Watch(actor);
        actor.Tell(PoisonPill.Instance);
        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef == actor);
    }
}
