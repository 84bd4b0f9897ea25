using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>A persistent actor keeping a list of notes; reports recovery and applied events to a probe.</summary>
internal sealed class NotesActor(string persistenceId, IActorRef probe) : PersistentActor
{
    private List<string> _notes = [];

    public sealed record Add(string Text);

    public sealed record AddMany(IReadOnlyList<string> Texts);

    public sealed record AddTwice(string Text);

    public sealed record Get;

    public sealed record TakeSnapshot;

    public sealed record DeleteUpTo(long SequenceNr);

    public sealed record Fail;

    public sealed record Added(string Text);

    public sealed record NotesState(List<string> Notes);

    public sealed record Applied(string Text, long SequenceNr);

    public sealed record Recovered(object Message);

    public sealed record Notes(IReadOnlyList<string> Items, long LastSequenceNr);

    public override string PersistenceId => persistenceId;

    public static void RegisterEvents(EventTypeRegistry registry) =>
        registry.Register<Added>("note-added.v1").Register<NotesState>("notes-state.v1");

    protected override Task ReceiveRecoverAsync(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: NotesState state }:
                _notes = [.. state.Notes];
                break;
            case Added added:
                _notes.Add(added.Text);
                break;
        }

        probe.Tell(new Recovered(message), Self);
        return Task.CompletedTask;
    }

    protected override async Task ReceiveCommandAsync(object command)
    {
        switch (command)
        {
            case Add add:
                Persist(new Added(add.Text), Apply);
                break;
            case AddMany many:
                PersistAll(many.Texts.Select(t => new Added(t)), Apply);
                break;
            case AddTwice twice:
                Persist(new Added(twice.Text), e =>
                {
                    Apply(e);
                    Persist(new Added(e.Text + " again"), Apply);
                });
                break;
            case Get:
                Sender.Tell(new Notes([.. _notes], LastSequenceNr), Self);
                break;
            case TakeSnapshot:
                await SaveSnapshotAsync(new NotesState([.. _notes]));
                Sender.Tell("snapshot-saved", Self);
                break;
            case DeleteUpTo delete:
                await DeleteMessagesAsync(delete.SequenceNr);
                Sender.Tell("deleted", Self);
                break;
            case Fail:
                Persist(new Added("never written"), Apply);
                throw new InvalidOperationException("command failed");
            default:
                Unhandled(command);
                break;
        }
    }

    private void Apply(Added added)
    {
        _notes.Add(added.Text);
        probe.Tell(new Applied(added.Text, LastSequenceNr), Self);
    }
}
