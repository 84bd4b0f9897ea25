using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;

namespace CondorActors.Domain.Condor.Writes;

/// <summary>
/// The durable record of submissions made with an <c>Idempotency-Key</c>: key (scoped by
/// principal) -> body hash, request id and, once settled, the outcome. The intent is persisted
/// BEFORE condor_submit runs and the outcome after, so every crash point is covered:
/// <list type="bullet">
/// <item>No intent: nothing was submitted; a retry starts afresh.</item>
/// <item>Intent without outcome, and no request of this process is on it: the outcome is unknown
/// (crash, timeout, error after the submit). The next attempt gets <see cref="Recover"/> with the
/// SAME request id and asks the schedd for jobs carrying it before submitting again.</item>
/// <item>Outcome: replayed, nothing submitted.</item>
/// </list>
/// Concurrent requests with one key are serialized here: the first proceeds, the others wait for
/// its outcome, so 20 simultaneous retries cause one condor_submit.
/// <para>
/// One actor for all keys rather than one per key: a lookup costs no recovery, the state is a
/// dictionary bounded by the window (entries older than it are dropped at each snapshot), and
/// recovery at start-up is one snapshot plus at most <see cref="SnapshotEvery"/> events. Two
/// journal writes per keyed submit through one mailbox is far below what the journal's group
/// commit sustains.
/// </para>
/// </summary>
internal sealed partial class SubmissionLedger : PersistentActor
{
    /// <summary>Events between snapshots (older events are then deleted).</summary>
    public const int SnapshotEvery = 500;

    public const string Id = "submission-ledger";

    private readonly TimeSpan _window;
    private readonly Dictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaskCompletionSource<LedgerDecision>>> _inFlight = new(StringComparer.Ordinal);
    private long _lastSnapshotSequenceNr;

    public SubmissionLedger(TimeSpan window)
    {
        _window = window;
    }

    public override string PersistenceId => Id;

    private DateTimeOffset Now => Context.System.Time.GetUtcNow();

    public static Props Props(TimeSpan window) => Kernel.Actors.Props.Create(() => new SubmissionLedger(window));

    public static void RegisterEvents(EventTypeRegistry registry) =>
        registry.Register<SubmissionIntended>("submission-intended.v1")
            .Register<SubmissionSettled>("submission-settled.v1")
            .Register<SubmissionLedgerSnapshot>("submission-ledger.v1");

    protected override Task ReceiveRecoverAsync(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: SubmissionLedgerSnapshot snapshot } offer:
                _entries.Clear();
                foreach (var entry in snapshot.Entries)
                {
                    _entries[entry.Key] = entry;
                }

                _lastSnapshotSequenceNr = offer.SequenceNr;
                break;
            case SubmissionIntended intended:
                Apply(intended);
                break;
            case SubmissionSettled settled:
                Apply(settled);
                break;
        }

        return Task.CompletedTask;
    }

    protected override Task ReceiveCommandAsync(object command)
    {
        switch (command)
        {
            case BeginSubmission begin:
                OnBegin(begin);
                break;
            case FinishSubmission finish:
                OnFinish(finish);
                break;
            case GetLedgerStats stats:
                stats.Reply.TrySetResult(new LedgerStats(_entries.Count, LastSequenceNr));
                break;
            default:
                Unhandled(command);
                break;
        }

        return Task.CompletedTask;
    }

    private void OnBegin(BeginSubmission begin)
    {
        if (!_entries.TryGetValue(begin.Key, out var entry) || IsExpired(entry))
        {
            _inFlight[begin.Key] = [];
            Persist(new SubmissionIntended(begin.Key, begin.BodyHash, begin.RequestId, Now), intended =>
            {
                Apply(intended);
                begin.Reply.TrySetResult(new Proceed(intended.RequestId));
            });
            return;
        }

        if (!string.Equals(entry.BodyHash, begin.BodyHash, StringComparison.Ordinal))
        {
            begin.Reply.TrySetResult(KeyReused.Instance);
        }
        else if (entry.Outcome is { } outcome)
        {
            begin.Reply.TrySetResult(new Replay(entry.RequestId, outcome));
        }
        else if (_inFlight.TryGetValue(begin.Key, out var waiters))
        {
            waiters.Add(begin.Reply);
        }
        else
        {
            _inFlight[begin.Key] = [];
            begin.Reply.TrySetResult(new Recover(entry.RequestId));
        }
    }

    private void OnFinish(FinishSubmission finish)
    {
        if (!_inFlight.Remove(finish.Key, out var waiters))
        {
            waiters = [];
        }

        if (finish.Outcome is not { } outcome)
        {
            foreach (var waiter in waiters)
            {
                waiter.TrySetResult(new Unsettled(finish.RequestId));
            }

            return;
        }

        var settled = new SubmissionSettled(finish.Key, finish.RequestId, outcome.Cluster, outcome.FirstProc, outcome.LastProc, outcome.Rejection, Now);
        Persist(settled, async e =>
        {
            Apply(e);
            foreach (var waiter in waiters)
            {
                waiter.TrySetResult(new Replay(e.RequestId, outcome));
            }

            if (LastSequenceNr - _lastSnapshotSequenceNr >= SnapshotEvery)
            {
                await SnapshotAsync().ConfigureAwait(false);
            }
        });
    }

    private async Task SnapshotAsync()
    {
        foreach (var expired in _entries.Values.Where(IsExpired).Select(entry => entry.Key).ToList())
        {
            _entries.Remove(expired);
        }

        var at = LastSequenceNr;
        await SaveSnapshotAsync(new SubmissionLedgerSnapshot([.. _entries.Values])).ConfigureAwait(false);
        await DeleteMessagesAsync(at).ConfigureAwait(false);
        _lastSnapshotSequenceNr = at;
    }

    private bool IsExpired(LedgerEntry entry) => entry.At + _window < Now;

    private void Apply(SubmissionIntended e) => _entries[e.Key] = new LedgerEntry(e.Key, e.BodyHash, e.RequestId, e.At, null);

    private void Apply(SubmissionSettled e)
    {
        if (_entries.TryGetValue(e.Key, out var entry) && entry.RequestId == e.RequestId)
        {
            _entries[e.Key] = entry with { Outcome = new LedgerOutcome(e.Cluster, e.FirstProc, e.LastProc, e.Rejection) };
        }
    }
}
