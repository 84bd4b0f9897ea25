using System.Collections.Concurrent;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Persistence.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>
/// A journal write that fails stops the glidein actor (its state would diverge from the journal);
/// the site must bring it back from the journal on its next poll, so no glidein silently stays
/// behind (the benchmark's "run 7" question: 10,000 recovered glideins persisting at once).
/// </summary>
public sealed class GlideinPersistFailureTests(ITestOutputHelper output) : GlideinTestBase(output)
{
    private readonly FlakyJournal _flaky = new();

    [Fact]
    public async Task Glidein_whose_event_write_failed_is_recovered_on_the_next_poll_and_persists_again()
    {
        var site = StartSite("site");
        var ids = await RequestAsync(site, 3);
        await PollAsync();
        foreach (var id in ids)
        {
            await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        }

        // The poll that first sees Running persists BatchJobObservedRunning (+ Advertising) for
        // each glidein; two of the three writes fail.
        _flaky.FailNextWrites("glidein-" + ids[0], 1);
        _flaky.FailNextWrites("glidein-" + ids[1], 1);
        Batch.SetAll(BatchJobState.Running);
        await PollAsync();
        await AwaitAssertAsync(() => Assert.Equal(2, _flaky.Failed));

        // A stopped glidein leaves the site's list once the site hears it terminated; the poll
        // after that recreates it from the journal and it persists what it sees again.
        for (var poll = 0; poll < 5 && !await AllAdvertisingAsync(site, ids); poll++)
        {
            await PollAsync();
        }

        foreach (var id in ids)
        {
            await AwaitPhaseAsync(site, id, GlideinPhase.Advertising);
            var state = await GlideinAsync(site, id);
            Assert.NotNull(state.BatchRunningSince);
        }

        Assert.Equal(3, Batch.Submits);
        Assert.Equal(3, Bridge.Starts);
    }

    [Fact]
    public async Task Site_lists_a_recovered_glidein_in_its_recovered_phase_while_its_first_observation_is_still_being_persisted()
    {
        var site = StartSite("site");
        var id = (await RequestAsync(site, 1))[0];
        await PollAsync();
        await AwaitPhaseAsync(site, id, GlideinPhase.Pending);
        var watcher = CreateTestProbe();
        watcher.Watch(site);
        Sys.Stop(site);
        await watcher.ExpectTerminatedAsync(site);

        // On restart the glidein is still replaying when the site's first poll fans out (as with
        // 10,000 glideins recovering at once), and the write of what that poll showed (the job
        // now runs) is slow, like a group commit behind 9,000 others.
        Batch.SetAll(BatchJobState.Running);
        var replay = _flaky.HoldReplay("glidein-" + id);
        var write = _flaky.HoldWrites("glidein-" + id);
        var restarted = StartSite("site");
        await PollAsync();
        replay.SetResult();

        // The site must not list it as a fresh Requested glidein until that write is done.
        await EventuallyAsync(async () => Assert.Equal(GlideinPhase.Pending, (await SummaryAsync(restarted)).Glideins[id]));
        write.SetResult();
        await AwaitPhaseAsync(restarted, id, GlideinPhase.Advertising);
        Assert.Equal(1, Batch.Submits);
    }

    private async Task<bool> AllAdvertisingAsync(Kernel.Actors.IActorRef site, IReadOnlyList<string> ids)
    {
        var summary = await SummaryAsync(site);
        return ids.All(id => summary.Glideins.GetValueOrDefault(id) == GlideinPhase.Advertising);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        _flaky.Inner = Journal;
        services.AddSingleton<IJournal>(_flaky);
    }

    /// <summary>The test's in-memory journal, with writes of chosen persistence ids failing a given number of times.</summary>
    private sealed class FlakyJournal : IJournal
    {
        private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _heldReplays = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _heldWrites = new(StringComparer.Ordinal);
        private int _failed;

        public InMemoryJournal Inner { get; set; } = null!;

        public int Failed => Volatile.Read(ref _failed);

        public void FailNextWrites(string persistenceId, int count) => _failures[persistenceId] = count;

        /// <summary>Replays of the id wait until the returned gate is completed.</summary>
        public TaskCompletionSource HoldReplay(string persistenceId) =>
            _heldReplays[persistenceId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Writes of the id wait until the returned gate is completed.</summary>
        public TaskCompletionSource HoldWrites(string persistenceId) =>
            _heldWrites[persistenceId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task WriteAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default)
        {
            var id = events[0].PersistenceId;
            if (_heldWrites.TryGetValue(id, out var gate))
            {
                await gate.Task;
            }

            if (_failures.TryGetValue(id, out var left) && left > 0 && _failures.TryUpdate(id, left - 1, left))
            {
                Interlocked.Increment(ref _failed);
                throw new IOException("disk I/O error (injected)");
            }

            await Inner.WriteAsync(events, cancellationToken);
        }

        public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, Func<JournalEntry, ValueTask> onEvent, CancellationToken cancellationToken = default)
        {
            if (_heldReplays.TryGetValue(persistenceId, out var gate))
            {
                await gate.Task;
            }

            await Inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, onEvent, cancellationToken);
        }

        public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
            Inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

        public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
            Inner.DeleteUpToAsync(persistenceId, toSequenceNr, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
