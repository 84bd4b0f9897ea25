using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;
using CondorActors.Kernel.Persistence.InMemory;
using CondorActors.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Persistence;

public abstract class PersistenceTestBase(ITestOutputHelper output) : ActorTestBase(output)
{
    internal GatedJournal Journal { get; } = new();

    internal InMemorySnapshotStore Snapshots { get; } = new();

    internal IActorRef Notes(string persistenceId, TestProbe probe, string? name = null) =>
        Sys.ActorOf(Props.Create(() => new NotesActor(persistenceId, probe.Ref)), name);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IJournal>(Journal);
        services.AddSingleton<ISnapshotStore>(Snapshots);
        services.AddEventTypes(NotesActor.RegisterEvents);
    }

    internal async Task<List<JournalEntry>> StoredAsync(string persistenceId)
    {
        var stored = new List<JournalEntry>();
        await Journal.ReplayAsync(persistenceId, 1, long.MaxValue, e =>
        {
            stored.Add(e);
            return ValueTask.CompletedTask;
        });
        return stored;
    }
}

/// <summary>An in-memory journal whose writes can be held at a gate or made to fail.</summary>
internal sealed class GatedJournal : IJournal
{
    private readonly InMemoryJournal _inner = new();
    private int _writes;

    public TaskCompletionSource? Gate { get; set; }

    public Exception? FailWith { get; set; }

    public int Writes => Volatile.Read(ref _writes);

    public async Task WriteAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default)
    {
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (FailWith is { } failure)
        {
            throw failure;
        }

        await _inner.WriteAsync(events, cancellationToken);
        Interlocked.Increment(ref _writes);
    }

    public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, Func<JournalEntry, ValueTask> onEvent, CancellationToken cancellationToken = default) =>
        _inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, onEvent, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        _inner.DeleteUpToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
