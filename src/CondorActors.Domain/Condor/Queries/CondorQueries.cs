using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Condor.Queries;

/// <summary>
/// The read side of HTCondor for callers outside the actor system (HTTP handlers): each call is
/// one message to the query actor and an await of its reply, so callers share commands and the
/// cache, and nothing blocks a thread. Errors are the gateway's typed <see cref="CondorException"/>s;
/// an answer later than the query timeout is a <see cref="CondorTimeoutException"/>.
/// </summary>
public sealed class CondorQueries
{
    /// <summary>Name of the query actor under <c>/user</c>.</summary>
    public const string ActorName = "condor-queries";

    private readonly IActorRef _actor;
    private readonly TimeProvider _time;
    private readonly TimeSpan _safetyTimeout;

    public CondorQueries(ActorSystem system, ICondorGateway gateway, QueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _actor = system.ActorOf(QueryActor.Props(gateway, options), ActorName);
        _time = system.Time;

        // The actor enforces the query timeout; this only guards against a reply that never comes.
        _safetyTimeout = (options.QueryTimeout * 2) + TimeSpan.FromSeconds(5);
    }

    public QueryOptions Options { get; }

    /// <summary>The actor, for tests and diagnostics.</summary>
    internal IActorRef Actor => _actor;

    /// <summary>Jobs, history or collector ads. Dispose the answer (a streamed one holds a command slot).</summary>
    public async Task<AdAnswer> ReadAdsAsync(CondorRead read, CancellationToken cancellationToken = default)
    {
        if (read is ReadConfig)
        {
            throw new ArgumentException("Use ReadConfigAsync for configuration reads.", nameof(read));
        }

        return (AdAnswer)await ExecuteAsync(read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Configuration values by name (case-insensitive keys).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default) =>
        (IReadOnlyDictionary<string, string>)await ExecuteAsync(new ReadConfig(query), cancellationToken).ConfigureAwait(false);

    /// <summary>Counters of the query actor.</summary>
    public Task<QueryStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        _actor.Ask<QueryStats>(QueryActor.GetQueryStats.Instance, TimeSpan.FromSeconds(10), cancellationToken);

    private async Task<object> ExecuteAsync(CondorRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(static state => ((TaskCompletionSource<object>)state!).TrySetCanceled(), reply).ConfigureAwait(false);
        _actor.Tell(new QueryActor.Execute(read, reply));
        try
        {
            return await reply.Task.WaitAsync(_safetyTimeout, _time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            // Whatever arrives later is disposed by the actor: TrySetResult on a completed source fails.
            reply.TrySetCanceled();
            throw new CondorTimeoutException("The query service did not answer in time.", _safetyTimeout, innerException: e);
        }
    }
}
