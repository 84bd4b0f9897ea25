using System.Globalization;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using CondorActors.TestPrograms;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>
/// The crash test at the actor level: a child process runs persistent counter actors on the
/// SQLite journal (group commit) and prints an ACK from each persist handler, i.e. after the
/// event is durable; it is killed with SIGKILL mid-stream. The journal must hold every
/// acknowledged event in order without gaps, and the same actors started again on that file
/// must recover exactly the journal's state and keep numbering after it.
/// </summary>
public sealed class PersistentActorCrashRecoveryTests : IDisposable
{
    private const int Actors = 16;
    private const int AcksBeforeKill = 800;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "condoractors-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Persistent_actors_recover_every_acknowledged_event_after_sigkill()
    {
        Directory.CreateDirectory(_directory);
        var database = Path.Combine(_directory, "journal.db");

        // The counter's value after each event equals its sequence number (every event adds 1).
        var acknowledged = await AckingChildProcess.RunAndKillAsync(
            ["persistent-actor-writer", database, "counter", Actors.ToString(CultureInfo.InvariantCulture)],
            AcksBeforeKill,
            parts => Assert.Equal(parts[2], parts[3]));

        await using var services = new ServiceCollection()
            .AddJournal(new JournalOptions { Provider = JournalOptions.SqliteProvider, ConnectionString = database })
            .AddEventTypes(CounterActor.RegisterEvents)
            .BuildServiceProvider();
        Assert.Equal(Actors, acknowledged.Count);
        var highest = new Dictionary<string, long>();
        foreach (var (persistenceId, highestAcked) in acknowledged)
        {
            highest[persistenceId] = await AssertJournalHoldsAcknowledgedEventsAsync(services, persistenceId, highestAcked);
        }

        await using var system = ActorSystem.Create("recovery", services);
        var counters = acknowledged.Keys.ToDictionary(id => id, id => system.ActorOf(Props.Create(() => new CounterActor(id, null)), id));
        foreach (var (persistenceId, counter) in counters)
        {
            var recovered = await counter.Ask<CounterActor.Counter>(CounterActor.GetCounter.Instance, AskTimeout);

            Assert.True(recovered.Value >= acknowledged[persistenceId], $"{persistenceId}: {acknowledged[persistenceId]} acknowledged, recovered {recovered.Value}");
            Assert.Equal(highest[persistenceId], recovered.Value);
            Assert.Equal(highest[persistenceId], recovered.LastSequenceNr);
        }

        // The recovered actors keep writing where the crashed process stopped, with no conflict.
        var next = await Task.WhenAll(counters.Values.Select(c => c.Ask<CounterActor.Incremented>(new CounterActor.Increment(1), AskTimeout)));
        foreach (var incremented in next)
        {
            Assert.Equal(highest[incremented.PersistenceId] + 1, incremented.SequenceNr);
            Assert.Equal(highest[incremented.PersistenceId] + 1, incremented.Value);
        }
    }

    /// <summary>Checks events 1..n are stored in order with n at least the highest ACK; returns n.</summary>
    private static async Task<long> AssertJournalHoldsAcknowledgedEventsAsync(IServiceProvider services, string persistenceId, long highestAcked)
    {
        var journal = services.GetRequiredService<IJournal>();
        var registry = services.GetRequiredService<EventTypeRegistry>();
        var stored = new List<JournalEntry>();
        await journal.ReplayAsync(persistenceId, 1, long.MaxValue, e =>
        {
            stored.Add(e);
            return ValueTask.CompletedTask;
        });

        // Events written but not yet acknowledged at the kill may be there too; never fewer.
        Assert.True(stored.Count >= highestAcked, $"{persistenceId}: {highestAcked} acknowledged, {stored.Count} stored");
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(i + 1, stored[i].SequenceNr);
            Assert.Equal(CounterActor.IncrementedManifest, stored[i].Manifest);
            var @event = Assert.IsType<CounterActor.CounterIncremented>(registry.Deserialize(stored[i].Manifest, stored[i].Payload));
            Assert.Equal(i + 1, @event.Value);
        }

        Assert.Equal(stored.Count, await journal.ReadHighestSequenceNrAsync(persistenceId));
        return stored.Count;
    }
}
