using System.Globalization;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.TestPrograms;

/// <summary>
/// <c>persistent-actor-writer &lt;db-path&gt; &lt;persistence-id-prefix&gt; &lt;actors&gt;</c>: an actor
/// system on the SQLite journal (group commit) runs that many <see cref="CounterActor"/>s
/// (<c>{prefix}-{i}</c>) and keeps sending them increments until the process is killed. Every event
/// is reported as <c>ACK &lt;persistence-id&gt; &lt;seq&gt;</c> from its persist handler, i.e. only once
/// the journal acknowledged it as durable.
/// </summary>
internal static class PersistentActorWriterProgram
{
    /// <summary>Increments in flight per actor, so commands queue in the mailbox during a write.</summary>
    private const int InFlightPerActor = 3;

    private static readonly Lock OutputGate = new();
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(60);

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var actors) || actors < 1)
        {
            await Console.Error.WriteLineAsync("usage: condoractors-testprog persistent-actor-writer <db-path> <persistence-id-prefix> <actors>");
            return 2;
        }

        var options = new JournalOptions
        {
            Provider = JournalOptions.SqliteProvider,
            ConnectionString = args[0],
            WriterNode = "persistent-actor-writer",
            GroupCommit = true,
        };
        await using var services = new ServiceCollection()
            .AddJournal(options)
            .AddEventTypes(CounterActor.RegisterEvents)
            .BuildServiceProvider();
        await using var system = ActorSystem.Create("persistent-actor-writer", services);
        var counters = Enumerable.Range(0, actors)
            .Select(i =>
            {
                var persistenceId = $"{args[1]}-{i}";
                return system.ActorOf(Props.Create(() => new CounterActor(persistenceId, Acknowledge)), persistenceId);
            })
            .ToArray();
        await Task.WhenAll(counters.Select(DriveUntilKilledAsync));
        return 0;
    }

    private static async Task DriveUntilKilledAsync(IActorRef counter)
    {
        for (var round = 0L; ; round++)
        {
            // Steps of 1 to 2 events, so atomic multi-event writes (PersistAll) are part of what gets killed.
            await Task.WhenAll(Enumerable.Range(0, InFlightPerActor)
                .Select(i => counter.Ask<CounterActor.Incremented>(new CounterActor.Increment((int)((round + i) % 2) + 1), AskTimeout)));
        }
    }

    private static void Acknowledge(string persistenceId, long sequenceNr, long value)
    {
        lock (OutputGate)
        {
            Console.Out.WriteLine($"ACK {persistenceId} {sequenceNr} {value}");
            Console.Out.Flush();
        }
    }
}
