using CondorActors.Domain.ClassAds;
using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Condor.Queries;

internal sealed partial class QueryActor
{
    private enum FlightState
    {
        Pending,
        Running,
        Streaming,

        /// <summary>Timed out while running: readers were told; the command is cancelled and its slot is freed when its task reports.</summary>
        Abandoned,
    }

    /// <summary>Runs one command and reads up to <paramref name="limit"/> ads; one more means the answer is too large to share.</summary>
    private async Task RunAsync(Flight flight, int limit, IActorRef self)
    {
        var token = flight.Token;
        try
        {
            if (flight.Read is ReadConfig config)
            {
                var values = await _gateway.GetConfigAsync(config.Query, token).ConfigureAwait(false);
                self.Tell(new FlightCompleted(flight.Id, values));
                return;
            }

            var enumerator = Open(flight.Read, token).GetAsyncEnumerator(token);
            var ads = new List<ClassAd>();
            var handedOver = false;
            try
            {
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    ads.Add(enumerator.Current);
                    if (ads.Count > limit)
                    {
                        handedOver = true;
                        self.Tell(new FlightOverflowed(flight.Id, ads, enumerator));
                        return;
                    }
                }
            }
            finally
            {
                if (!handedOver)
                {
                    await enumerator.DisposeAsync().ConfigureAwait(false);
                }
            }

            self.Tell(new FlightCompleted(flight.Id, ads));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            self.Tell(new FlightFailed(flight.Id, TimeoutError()));
        }
        catch (Exception e)
        {
            self.Tell(new FlightFailed(flight.Id, e));
        }
    }

    private IAsyncEnumerable<ClassAd> Open(CondorRead read, CancellationToken token) => read switch
    {
        ReadJobs jobs => _gateway.QueryJobsAsync(jobs.Query, token),
        ReadHistory history => _gateway.QueryHistoryAsync(history.Query, token),
        ReadStatus status => _gateway.QueryStatusAsync(status.Query, token),
        _ => throw new ArgumentException($"{read.GetType().Name} is not an ad read", nameof(read)),
    };

    private void OnCompleted(FlightCompleted completed)
    {
        if (!_flights.TryGetValue(completed.FlightId, out var flight))
        {
            return;
        }

        _running--;
        if (flight.State != FlightState.Abandoned)
        {
            Cache(flight.Read.Key, completed.Answer);
            _oversized.Remove(flight.Read.Key);
            var answer = completed.Answer is IReadOnlyList<ClassAd> ads ? AdAnswer.FromComplete(ads) : completed.Answer;
            foreach (var waiter in flight.Waiters)
            {
                waiter.TrySetResult(answer);
            }
        }

        Forget(flight);
        StartPending();
    }

    private void OnOverflowed(FlightOverflowed overflowed)
    {
        if (!_flights.TryGetValue(overflowed.FlightId, out var flight))
        {
            return;
        }

        var self = Self;
        var id = flight.Id;
        if (flight.State == FlightState.Abandoned)
        {
            DisposeInBackground(overflowed.Rest, id, self);
            return;
        }

        Timers.Cancel(flight.TimerKey);
        if (_coalescing.TryGetValue(flight.Read.Key, out var coalescing) && coalescing == flight)
        {
            _coalescing.Remove(flight.Read.Key);
        }

        flight.State = FlightState.Streaming;
        if (_options.CacheTtl > TimeSpan.Zero)
        {
            _oversized[flight.Read.Key] = _time.GetUtcNow() + _options.CacheTtl;
        }

        // The command already running goes to the first reader still waiting; the others each
        // get a command of their own, ahead of flights that arrived after them.
        var answer = AdAnswer.FromStream(overflowed.Prefix, overflowed.Rest, () =>
        {
            self.Tell(new StreamReleased(id));
            return ValueTask.CompletedTask;
        });
        var taken = false;
        var others = new List<TaskCompletionSource<object>>();
        foreach (var waiter in flight.Waiters)
        {
            if (!taken)
            {
                taken = waiter.TrySetResult(answer);
            }
            else if (!waiter.Task.IsCompleted)
            {
                others.Add(waiter);
            }
        }

        flight.Waiters.Clear();
        for (var i = others.Count - 1; i >= 0; i--)
        {
            _pending.AddFirst(NewFlight(flight.Read, direct: true, [others[i]]));
        }

        if (!taken)
        {
            DisposeInBackground(overflowed.Rest, id, self);
        }

        StartPending();
    }

    private void OnFailed(FlightFailed failed)
    {
        if (!_flights.TryGetValue(failed.FlightId, out var flight))
        {
            return;
        }

        _running--;
        flight.FailAll(failed.Cause);
        Forget(flight);
        StartPending();
    }

    private void OnTimedOut(FlightTimedOut timedOut)
    {
        if (!_flights.TryGetValue(timedOut.FlightId, out var flight))
        {
            return;
        }

        flight.FailAll(TimeoutError());
        if (flight.State == FlightState.Pending)
        {
            _pending.Remove(flight);
            Forget(flight);
            return;
        }

        if (flight.State == FlightState.Running)
        {
            // The slot stays taken until the cancelled command has really stopped.
            flight.State = FlightState.Abandoned;
            flight.Cancel();
            if (_coalescing.TryGetValue(flight.Read.Key, out var coalescing) && coalescing == flight)
            {
                _coalescing.Remove(flight.Read.Key);
            }
        }
    }

    private void OnStreamReleased(StreamReleased released)
    {
        if (!_flights.TryGetValue(released.FlightId, out var flight))
        {
            return;
        }

        _running--;
        flight.Cancel();
        Forget(flight);
        StartPending();
    }

    private void Forget(Flight flight)
    {
        _flights.Remove(flight.Id);
        Timers.Cancel(flight.TimerKey);
        if (_coalescing.TryGetValue(flight.Read.Key, out var coalescing) && coalescing == flight)
        {
            _coalescing.Remove(flight.Read.Key);
        }
    }

    private CondorTimeoutException TimeoutError() => new(
        $"HTCondor did not answer within {_options.QueryTimeout.TotalSeconds:0.###} s (query-timeout).", _options.QueryTimeout);

    private static void DisposeInBackground(IAsyncEnumerator<ClassAd> rest, long flightId, IActorRef self) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await rest.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                self.Tell(new StreamReleased(flightId));
            }
        });

    private sealed class Flight(long id, CondorRead read, bool direct, List<TaskCompletionSource<object>> waiters)
    {
        // Never disposed: it has no timer, and a streamed answer may still hold its token.
        private readonly CancellationTokenSource _cancellation = new();

        public long Id { get; } = id;

        public CondorRead Read { get; } = read;

        /// <summary>Streams to its single reader without trying to buffer the answer.</summary>
        public bool Direct { get; } = direct;

        public List<TaskCompletionSource<object>> Waiters { get; } = waiters;

        public FlightState State { get; set; } = FlightState.Pending;

        public string TimerKey { get; } = "timeout:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public CancellationToken Token => _cancellation.Token;

        public void Cancel() => _cancellation.Cancel();

        public void FailAll(Exception cause)
        {
            foreach (var waiter in Waiters)
            {
                waiter.TrySetException(cause);
            }

            Waiters.Clear();
        }
    }
}
