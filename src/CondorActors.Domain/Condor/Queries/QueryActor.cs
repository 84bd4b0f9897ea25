using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Condor.Queries;

/// <summary>
/// Runs every read of HTCondor for the server, so that 100 clients asking the same thing start
/// one command, not 100:
/// <list type="bullet">
/// <item>Single-flight: a read whose key matches one in flight waits for that flight's answer.</item>
/// <item>Cache: a complete answer is served again for <see cref="QueryOptions.CacheTtl"/>.</item>
/// <item>At most <see cref="QueryOptions.MaxConcurrentCommands"/> commands hold a slot; other flights queue in arrival order.</item>
/// <item>Each flight has a deadline (<see cref="QueryOptions.QueryTimeout"/>, queueing included): its readers then get <see cref="CondorTimeoutException"/>.</item>
/// <item>Streaming: an answer larger than <see cref="QueryOptions.MaxSharedAds"/> is not held: it
/// goes, as it is read, to one reader; see <see cref="AdAnswer"/> and the options.</item>
/// </list>
/// The actor never awaits the gateway: each flight runs as a task that tells its outcome back, so
/// a slow command delays nothing but its own readers.
/// </summary>
internal sealed partial class QueryActor : ActorBase
{
    private readonly ICondorGateway _gateway;
    private readonly QueryOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<long, Flight> _flights = [];
    private readonly Dictionary<string, Flight> _coalescing = new(StringComparer.Ordinal);
    private readonly LinkedList<Flight> _pending = [];
    private readonly Dictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _oversized = new(StringComparer.Ordinal);
    private long _nextFlightId;
    private long _commandsStarted;
    private long _cacheHits;
    private int _running;

    public QueryActor(ICondorGateway gateway, QueryOptions options)
    {
        _gateway = gateway;
        _options = options.Validate();
        _time = Context.System.Time;
    }

    public static Props Props(ICondorGateway gateway, QueryOptions options) =>
        Kernel.Actors.Props.Create(() => new QueryActor(gateway, options));

    protected override Task PreStartAsync()
    {
        if (_options.CacheTtl > TimeSpan.Zero)
        {
            // Expired entries are also skipped on lookup; the sweep only returns their memory.
            var interval = _options.CacheTtl < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : _options.CacheTtl;
            Timers.StartPeriodicTimer(SweepCache.Instance, SweepCache.Instance, interval);
        }

        return Task.CompletedTask;
    }

    protected override Task PostStopAsync()
    {
        foreach (var flight in _flights.Values)
        {
            flight.Cancel();
            flight.FailAll(new CondorException("The query service stopped before the read was answered."));
        }

        return Task.CompletedTask;
    }

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case Execute execute:
                OnExecute(execute);
                break;
            case FlightCompleted completed:
                OnCompleted(completed);
                break;
            case FlightOverflowed overflowed:
                OnOverflowed(overflowed);
                break;
            case FlightFailed failed:
                OnFailed(failed);
                break;
            case FlightTimedOut timedOut:
                OnTimedOut(timedOut);
                break;
            case StreamReleased released:
                OnStreamReleased(released);
                break;
            case SweepCache:
                Sweep();
                break;
            case GetQueryStats:
                Sender.Tell(new QueryStats(_commandsStarted, _running, _pending.Count, _flights.Values.Sum(f => f.Waiters.Count), _cache.Count, _cacheHits));
                break;
            default:
                Unhandled(message);
                break;
        }

        return Task.CompletedTask;
    }

    private void OnExecute(Execute execute)
    {
        var key = execute.Read.Key;
        if (TryGetCached(key, out var cached))
        {
            _cacheHits++;
            execute.Reply.TrySetResult(cached is IReadOnlyList<ClassAds.ClassAd> ads ? AdAnswer.FromComplete(ads) : cached);
            return;
        }

        if (_options.Coalesce && _coalescing.TryGetValue(key, out var joined))
        {
            joined.Waiters.Add(execute.Reply);
            return;
        }

        var direct = IsOversized(key);
        var flight = NewFlight(execute.Read, direct, [execute.Reply]);

        // A read known to be too large to share streams alone; others may join a buffering flight.
        if (_options.Coalesce && !direct)
        {
            _coalescing[key] = flight;
        }

        _pending.AddLast(flight);
        StartPending();
    }

    private Flight NewFlight(CondorRead read, bool direct, List<TaskCompletionSource<object>> waiters)
    {
        var flight = new Flight(++_nextFlightId, read, direct, waiters);
        _flights[flight.Id] = flight;
        Timers.StartSingleTimer(flight.TimerKey, new FlightTimedOut(flight.Id), _options.QueryTimeout);
        return flight;
    }

    private void StartPending()
    {
        while (_running < _options.MaxConcurrentCommands && _pending.First is { } node)
        {
            _pending.RemoveFirst();
            var flight = node.Value;

            // Readers that gave up while the flight queued need no command.
            flight.Waiters.RemoveAll(waiter => waiter.Task.IsCompleted);
            if (flight.Waiters.Count == 0)
            {
                Forget(flight);
                continue;
            }

            _running++;
            _commandsStarted++;
            flight.State = FlightState.Running;
            var self = Self;
            var limit = flight.Direct ? 1 : _options.MaxSharedAds;
            _ = Task.Run(() => RunAsync(flight, limit, self));
        }
    }
}
