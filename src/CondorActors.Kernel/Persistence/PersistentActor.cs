using CondorActors.Kernel.Actors;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Kernel.Persistence;

/// <summary>
/// An event-sourced actor. At start (and restart) it recovers: the latest snapshot is offered,
/// then later events are replayed, then <see cref="RecoveryCompleted"/>; only then do commands
/// flow. A command handler decides and calls <see cref="Persist{TEvent}(TEvent, Action{TEvent})"/>;
/// at the end of the handler the persisted events are written in one atomic batch and, once
/// durable, their handlers run in order. The whole sequence is one turn of the mailbox, so the
/// actor takes no other command meanwhile and commands that arrive are kept in the mailbox.
/// A journal failure stops the actor (its state would otherwise diverge from the journal), as
/// does a recovery failure, e.g. an unknown manifest; both are logged with the persistence id
/// and sequence number. Journal, snapshot store and <see cref="EventTypeRegistry"/> come from DI.
/// </summary>
public abstract class PersistentActor : ActorBase
{
    private List<PendingEvent>? _pending;
    private IJournal? _journal;
    private ISnapshotStore? _snapshots;
    private EventTypeRegistry? _registry;
    private bool _writeFailed;

    /// <summary>Identity of the event stream; stable across restarts and processes.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>Sequence number of the last durable event (0 when none).</summary>
    public long LastSequenceNr { get; private set; }

    public bool IsRecovering { get; private set; }

    private IJournal Journal => _journal ??= Context.System.Services.GetRequiredService<IJournal>();

    private ISnapshotStore Snapshots => _snapshots ??= Context.System.Services.GetRequiredService<ISnapshotStore>();

    private EventTypeRegistry Registry => _registry ??= Context.System.Services.GetRequiredService<EventTypeRegistry>();

    /// <summary>Applies a recovered event, a <see cref="SnapshotOffer"/>, or <see cref="RecoveryCompleted"/>.</summary>
    protected abstract Task ReceiveRecoverAsync(object message);

    /// <summary>Handles a command; persist events with Persist / PersistAll.</summary>
    protected abstract Task ReceiveCommandAsync(object command);

    protected sealed override async Task ReceiveAsync(object message)
    {
        if (_writeFailed)
        {
            return;
        }

        try
        {
            await ReceiveCommandAsync(message).ConfigureAwait(false);
            if (_pending is not null)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch
        {
            // Events of a failed command are never written later by another command.
            _pending = null;
            throw;
        }
    }

    /// <summary>Persists <paramref name="event"/>; <paramref name="handler"/> runs once it is durable.</summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        Persist(@event, e =>
        {
            handler(e);
            return Task.CompletedTask;
        });
    }

    /// <summary>Persists <paramref name="event"/>; the async <paramref name="handler"/> runs once it is durable.</summary>
    protected void Persist<TEvent>(TEvent @event, Func<TEvent, Task> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(handler);
        if (IsRecovering)
        {
            throw new InvalidOperationException($"{Self.Path} ({PersistenceId}): Persist is not allowed during recovery.");
        }

        (_pending ??= []).Add(new PendingEvent(@event, () => handler(@event)));
    }

    /// <summary>Persists the events atomically with the others of this command; handlers run in order.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            Persist(@event, handler);
        }
    }

    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Func<TEvent, Task> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            Persist(@event, handler);
        }
    }

    /// <summary>
    /// Saves <paramref name="state"/> as the snapshot at <see cref="LastSequenceNr"/> (durable
    /// events only: call it from a persist handler to include that event).
    /// </summary>
    protected Task SaveSnapshotAsync(object state)
    {
        var (manifest, payload) = Registry.Serialize(state);
        return Snapshots.SaveAsync(new SnapshotEntry(PersistenceId, LastSequenceNr, manifest, payload, Context.System.Time.GetUtcNow()));
    }

    /// <summary>Deletes journal events up to <paramref name="toSequenceNr"/> (e.g. after a snapshot).</summary>
    protected Task DeleteMessagesAsync(long toSequenceNr) =>
        Journal.DeleteUpToAsync(PersistenceId, Math.Min(toSequenceNr, LastSequenceNr));

    protected Task DeleteSnapshotsAsync(long toSequenceNr) => Snapshots.DeleteUpToAsync(PersistenceId, toSequenceNr);

    internal override async Task AroundPreStartAsync()
    {
        if (await RecoverAsync().ConfigureAwait(false))
        {
            await PreStartAsync().ConfigureAwait(false);
        }
    }

    internal override async Task AroundPostRestartAsync(Exception reason)
    {
        if (await RecoverAsync().ConfigureAwait(false))
        {
            await PostRestartAsync(reason).ConfigureAwait(false);
        }
    }

    private async Task<bool> RecoverAsync()
    {
        IsRecovering = true;
        var at = 0L;
        try
        {
            var snapshot = await Snapshots.LoadLatestAsync(PersistenceId).ConfigureAwait(false);
            if (snapshot is not null)
            {
                at = snapshot.SequenceNr;
                var state = Registry.Deserialize(snapshot.Manifest, snapshot.Payload);
                await ReceiveRecoverAsync(new SnapshotOffer(snapshot.SequenceNr, snapshot.Timestamp, state)).ConfigureAwait(false);
                LastSequenceNr = snapshot.SequenceNr;
            }

            await Journal.ReplayAsync(PersistenceId, LastSequenceNr + 1, long.MaxValue, async entry =>
            {
                at = entry.SequenceNr;
                var @event = Registry.Deserialize(entry.Manifest, entry.Payload);
                await ReceiveRecoverAsync(@event).ConfigureAwait(false);
                LastSequenceNr = entry.SequenceNr;
            }).ConfigureAwait(false);

            // Events deleted after a snapshot still count: numbering continues after the highest.
            at = LastSequenceNr + 1;
            LastSequenceNr = Math.Max(LastSequenceNr, await Journal.ReadHighestSequenceNrAsync(PersistenceId).ConfigureAwait(false));
            await ReceiveRecoverAsync(RecoveryCompleted.Instance).ConfigureAwait(false);
            IsRecovering = false;
            return true;
        }
        catch (Exception ex)
        {
            var failure = new RecoveryFailedException(PersistenceId, at, ex);
            PersistenceLog.RecoveryFailed(Log, ex, PersistenceId, at, Self.Path);
            Context.System.EventStream.Publish(new MessageFailed(Self, null, failure));
            Context.Stop(Self);
            return false;
        }
    }

    private async Task FlushAsync()
    {
        while (_pending is { } batch)
        {
            _pending = null;
            var now = Context.System.Time.GetUtcNow();
            var node = Context.System.Options.NodeName;
            var entries = new JournalEntry[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var (manifest, payload) = Registry.Serialize(batch[i].Event);
                entries[i] = new JournalEntry(PersistenceId, LastSequenceNr + 1 + i, manifest, payload, now, node);
            }

            try
            {
                await Journal.WriteAsync(entries).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                PersistenceLog.PersistFailed(Log, ex, entries.Length, PersistenceId, LastSequenceNr + 1, Self.Path);
                Context.System.EventStream.Publish(new MessageFailed(Self, null, ex));
                _writeFailed = true;
                Context.Stop(Self);
                return;
            }

            // Like Akka, each handler sees its own event's sequence number: a snapshot taken in
            // the first handler of a PersistAll must not claim the later events, which its state
            // does not hold yet (recovery would skip them). Should a handler throw, numbering
            // still continues after the whole durable batch.
            var durable = LastSequenceNr + entries.Length;
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    LastSequenceNr = entries[i].SequenceNr;

                    // A handler may persist again: those events form the next batch of this loop.
                    await batch[i].Handler().ConfigureAwait(false);
                }
            }
            finally
            {
                LastSequenceNr = durable;
            }
        }
    }

    private sealed record PendingEvent(object Event, Func<Task> Handler);
}
