using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Condor.Writes;

/// <summary>
/// Owns the writes to one schedd. Each request is one command (one condor_submit for <c>count</c>
/// jobs: the batching is condor_submit's own <c>queue N</c>). What it serializes:
/// <list type="bullet">
/// <item>Actions on the same cluster run one after another in arrival order, so "hold then release"
/// sent back to back cannot be applied as "release then hold" by two racing tools.</item>
/// <item>A bulk action (constraint) may touch any cluster: it waits for every running action and
/// holds back the ones that arrive after it.</item>
/// <item>At most <c>max-concurrent-writes</c> commands run at once (the schedd is single-threaded
/// and a burst of tools only queues inside it).</item>
/// </list>
/// Submits create new clusters, so they conflict with nothing but the cap. The actor never awaits
/// a tool: each command runs as a task that tells <see cref="CommandFinished"/> back.
/// </summary>
internal sealed partial class ScheddActor : ActorBase
{
    private const string BulkLane = "*";

    private readonly ICondorScheduler _scheduler;
    private readonly int _maxConcurrent;
    private readonly LinkedList<Pending> _queue = [];
    private readonly Dictionary<long, string?> _running = [];
    private long _nextId;
    private long _submits;
    private long _actions;
    private int _maxRunningSeen;

    public ScheddActor(ICondorScheduler scheduler, int maxConcurrent)
    {
        _scheduler = scheduler;
        _maxConcurrent = maxConcurrent;
    }

    public static Props Props(ICondorScheduler scheduler, int maxConcurrent) =>
        Kernel.Actors.Props.Create(() => new ScheddActor(scheduler, maxConcurrent));

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case SubmitJobs submit:
                _submits++;
                Enqueue(null, () => RunSubmitAsync(submit));
                break;
            case ActOnJobs act:
                _actions++;
                Enqueue(act.Target.Cluster is { } cluster ? cluster.ToString(System.Globalization.CultureInfo.InvariantCulture) : BulkLane, () => RunActionAsync(act));
                break;
            case CommandFinished finished:
                _running.Remove(finished.Id);
                StartWhatCan();
                break;
            case GetScheddStats stats:
                stats.Reply.TrySetResult(new ScheddStats(_submits, _actions, _running.Count, _queue.Count, _maxRunningSeen));
                break;
            default:
                Unhandled(message);
                break;
        }

        return Task.CompletedTask;
    }

    private void Enqueue(string? lane, Func<Task> run)
    {
        _queue.AddLast(new Pending(++_nextId, lane, run));
        StartWhatCan();
    }

    /// <summary>Starts queued commands in order; a command that must wait also holds back later ones of its lanes.</summary>
    private void StartWhatCan()
    {
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var bulkBlocked = false;
        for (var node = _queue.First; node is not null && _running.Count < _maxConcurrent;)
        {
            var next = node.Next;
            var pending = node.Value;
            if (CanStart(pending.Lane, blocked, bulkBlocked))
            {
                _queue.Remove(node);
                Start(pending);
            }
            else if (pending.Lane == BulkLane)
            {
                bulkBlocked = true;
            }
            else if (pending.Lane is not null)
            {
                blocked.Add(pending.Lane);
            }

            node = next;
        }
    }

    private bool CanStart(string? lane, HashSet<string> blocked, bool bulkBlocked)
    {
        if (lane is null)
        {
            return true;
        }

        // Anything waiting ahead in the same lane (or a bulk action waiting ahead) keeps arrival order.
        if (bulkBlocked || blocked.Contains(lane) || (lane == BulkLane && blocked.Count > 0))
        {
            return false;
        }

        return lane == BulkLane
            ? _running.Values.All(running => running is null)
            : _running.Values.All(running => running != lane && running != BulkLane);
    }

    private void Start(Pending pending)
    {
        _running[pending.Id] = pending.Lane;
        _maxRunningSeen = Math.Max(_maxRunningSeen, _running.Count);
        var self = Self;
        _ = Task.Run(async () =>
        {
            try
            {
                await pending.Run().ConfigureAwait(false);
            }
            finally
            {
                self.Tell(new CommandFinished(pending.Id));
            }
        });
    }

    private async Task RunSubmitAsync(SubmitJobs submit)
    {
        try
        {
            // The principal's working directory is the jobs' initialdir: condor_submit needs it to exist.
            Directory.CreateDirectory(submit.Description.WorkingDirectory);
            submit.Reply.TrySetResult(await _scheduler.SubmitAsync(submit.Description.Text, submit.Description.Count).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            submit.Reply.TrySetException(e);
        }
    }

    private async Task RunActionAsync(ActOnJobs act)
    {
        try
        {
            act.Reply.TrySetResult(await _scheduler.ActAsync(act.Action, act.Target, act.Reason).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            act.Reply.TrySetException(e);
        }
    }

    private sealed record Pending(long Id, string? Lane, Func<Task> Run);
}
