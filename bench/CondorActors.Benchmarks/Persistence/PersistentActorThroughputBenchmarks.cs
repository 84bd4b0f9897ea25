using BenchmarkDotNet.Attributes;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Benchmarks.Persistence;

/// <summary>
/// 1,000 persistent actors in one actor system on a SQLite journal (WAL, synchronous=FULL); each
/// is sent <see cref="EventsPerActor"/> commands at once, one event per command, so every actor
/// has a write in flight and the rest queued in its mailbox. Group commit against one transaction
/// per event (the baseline). Results are per event (OperationsPerInvoke); an operation ends when
/// every persist handler ran, i.e. every event is durable.
/// </summary>
[ShortRunJob]
public class PersistentActorThroughputBenchmarks
{
    private const int Actors = 1000;
    private const int EventsPerActor = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private string _directory = "";
    private ServiceProvider _services = null!;
    private ActorSystem _system = null!;
    private IActorRef[] _actors = [];

    [GlobalSetup(Target = nameof(OneTransactionPerEvent))]
    public void SetUpBaseline() => SetUp(groupCommit: false);

    [GlobalSetup(Target = nameof(GroupCommit))]
    public void SetUpGroupCommit() => SetUp(groupCommit: true);

    [GlobalCleanup]
    public void CleanUp()
    {
        _system.TerminateAsync().GetAwaiter().GetResult();
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors * EventsPerActor)]
    public Task OneTransactionPerEvent() => PersistAsync();

    [Benchmark(OperationsPerInvoke = Actors * EventsPerActor)]
    public Task GroupCommit() => PersistAsync();

    private void SetUp(bool groupCommit)
    {
        _directory = Path.Combine(Path.GetTempPath(), "condoractors-bench", Guid.NewGuid().ToString("N"));
        var options = new JournalOptions { Provider = JournalOptions.SqliteProvider, DataDir = _directory, GroupCommit = groupCommit, WriterNode = "bench" };
        _services = new ServiceCollection().AddJournal(options).AddEventTypes(BenchCounterActor.RegisterEvents).BuildServiceProvider();
        _system = ActorSystem.Create("bench", _services);
        _actors = [.. Enumerable.Range(0, Actors).Select(i => _system.ActorOf(Props.Create(() => new BenchCounterActor($"bench-{i}")), $"c{i}"))];

        // Recovery (empty) and the first write of every actor happen here, not in the measurement.
        PersistAsync().WaitAsync(ReadyTimeout).GetAwaiter().GetResult();
    }

    private Task PersistAsync()
    {
        var done = new BenchCounterActor.Countdown(Actors * EventsPerActor);
        var increment = new BenchCounterActor.Increment(done);
        for (var e = 0; e < EventsPerActor; e++)
        {
            foreach (var actor in _actors)
            {
                actor.Tell(increment);
            }
        }

        return done.Task;
    }
}
