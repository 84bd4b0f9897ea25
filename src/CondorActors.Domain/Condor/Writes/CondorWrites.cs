using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor.Submit;
using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Condor.Writes;

/// <summary>
/// The write side of HTCondor for callers outside the actor system (HTTP handlers): submits go
/// through the <see cref="SubmissionLedger"/> when they carry an idempotency key, and every
/// command through the <see cref="ScheddActor"/>. Errors are the scheduler's typed
/// <see cref="CondorException"/>s, plus <see cref="IdempotencyKeyReusedException"/>.
/// </summary>
public sealed class CondorWrites
{
    private readonly IActorRef _schedd;
    private readonly IActorRef _ledger;
    private readonly ICondorGateway _gateway;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public CondorWrites(ActorSystem system, ICondorScheduler scheduler, ICondorGateway gateway, SubmitOptions options, TimeSpan commandTimeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _gateway = gateway;
        _time = system.Time;
        _schedd = system.ActorOf(ScheddActor.Props(scheduler, options.MaxConcurrentWrites), "schedd");
        _ledger = system.ActorOf(SubmissionLedger.Props(options.IdempotencyWindow), "submission-ledger");

        // Guards against a reply that never comes (a stopped actor); the tools have their own timeout.
        _timeout = commandTimeout * 4 + TimeSpan.FromSeconds(30);
    }

    public SubmitOptions Options { get; }

    /// <summary>
    /// Submits. Without <paramref name="idempotencyKey"/>: one condor_submit. With one: the
    /// ledger decides (first answer replayed, reused key refused, unknown outcome recovered by
    /// asking the schedd for the request id); <paramref name="render"/> renders the description for
    /// the request id the ledger settles on (the first attempt's, when recovering).
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(SubmitDescription description, string? idempotencyKey, string bodyHash, Func<string, SubmitDescription> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(render);
        if (idempotencyKey is null)
        {
            return new SubmitOutcome(await RunSubmitAsync(description, cancellationToken).ConfigureAwait(false), description.RequestId, Replayed: false);
        }

        var key = $"{description.Principal}\n{idempotencyKey}";
        var decision = await AskAsync<SubmissionLedger.LedgerDecision>(reply => _ledger.Tell(new SubmissionLedger.BeginSubmission(key, bodyHash, description.RequestId, reply)), cancellationToken).ConfigureAwait(false);
        switch (decision)
        {
            case SubmissionLedger.KeyReused:
                throw new IdempotencyKeyReusedException();
            case SubmissionLedger.Replay replay:
                return Replayed(replay.RequestId, replay.Outcome);
            case SubmissionLedger.Unsettled unsettled:
                throw new CondorException($"An earlier request with this Idempotency-Key (request {unsettled.RequestId}) ended in an unknown state; retry to have it resolved.");
            case SubmissionLedger.Recover recover:
                return await SettleAsync(key, recover.RequestId, async () =>
                    await FindSubmittedAsync(recover.RequestId, cancellationToken).ConfigureAwait(false)
                    ?? await RunSubmitAsync(recover.RequestId == description.RequestId ? description : render(recover.RequestId), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            case SubmissionLedger.Proceed proceed:
                return await SettleAsync(key, proceed.RequestId, () => RunSubmitAsync(description, cancellationToken)).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"Unexpected ledger decision {decision.GetType().Name}.");
        }
    }

    /// <summary>Removes, holds, releases or vacates through the schedd actor.</summary>
    public Task<JobActionResult> ActAsync(JobAction action, JobTarget target, string? reason, CancellationToken cancellationToken = default) =>
        AskAsync<JobActionResult>(reply => _schedd.Tell(new ScheddActor.ActOnJobs(action, target, reason, reply)), cancellationToken);

    internal Task<ScheddActor.ScheddStats> GetScheddStatsAsync() =>
        AskAsync<ScheddActor.ScheddStats>(reply => _schedd.Tell(new ScheddActor.GetScheddStats(reply)), CancellationToken.None);

    internal Task<SubmissionLedger.LedgerStats> GetLedgerStatsAsync() =>
        AskAsync<SubmissionLedger.LedgerStats>(reply => _ledger.Tell(new SubmissionLedger.GetLedgerStats(reply)), CancellationToken.None);

    private async Task<SubmitOutcome> SettleAsync(string key, string requestId, Func<Task<SubmittedJobs>> submit)
    {
        SubmissionLedger.LedgerOutcome? outcome = null;
        try
        {
            var jobs = await submit().ConfigureAwait(false);
            outcome = SubmissionLedger.LedgerOutcome.Submitted(jobs);
            return new SubmitOutcome(jobs, requestId, Replayed: false);
        }
        catch (CondorSubmitRejectedException rejected)
        {
            // condor_submit read the description and refused it: nothing was queued, and the same
            // body would be refused again, so the refusal is the settled answer.
            outcome = SubmissionLedger.LedgerOutcome.Rejected(rejected.Message);
            throw;
        }
        finally
        {
            // Any other failure (timeout, unreachable, crash of the tool) leaves the outcome unknown.
            _ledger.Tell(new SubmissionLedger.FinishSubmission(key, requestId, outcome));
        }
    }

    private static SubmitOutcome Replayed(string requestId, SubmissionLedger.LedgerOutcome outcome) =>
        outcome.Jobs is { } jobs
            ? new SubmitOutcome(jobs, requestId, Replayed: true)
            : throw new CondorSubmitRejectedException(outcome.Rejection ?? "condor_submit refused the description.");

    /// <summary>The jobs carrying <paramref name="requestId"/>, in the queue or already in the history (straight from the gateway: a cached "none" would double-submit).</summary>
    private async Task<SubmittedJobs?> FindSubmittedAsync(string requestId, CancellationToken cancellationToken)
    {
        var constraint = $"{SubmitDescription.RequestIdAttribute} == {ClassAdLiteral.Quote(requestId)}";
        string[] projection = ["ClusterId", "ProcId"];
        var ids = new List<CondorJobId>();
        await foreach (var ad in _gateway.QueryJobsAsync(new JobQuery { Constraint = constraint, Projection = projection }, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(IdOf(ad));
        }

        await foreach (var ad in _gateway.QueryHistoryAsync(new HistoryQuery { Constraint = constraint, Projection = projection }, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(IdOf(ad));
        }

        return ids.Count == 0
            ? null
            : new SubmittedJobs(ids[0].Cluster, ids.Where(id => id.Cluster == ids[0].Cluster).Min(id => id.Proc), ids.Where(id => id.Cluster == ids[0].Cluster).Max(id => id.Proc));
    }

    private static CondorJobId IdOf(ClassAd ad) =>
        ad.Evaluate("ClusterId").TryGetInteger(out var cluster) && ad.Evaluate("ProcId").TryGetInteger(out var proc)
            ? new CondorJobId((int)cluster, (int)proc)
            : throw new CondorException("A job ad without ClusterId and ProcId.");

    private Task<SubmittedJobs> RunSubmitAsync(SubmitDescription description, CancellationToken cancellationToken) =>
        AskAsync<SubmittedJobs>(reply => _schedd.Tell(new ScheddActor.SubmitJobs(description, reply)), cancellationToken);

    private async Task<T> AskAsync<T>(Action<TaskCompletionSource<T>> send, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        send(reply);
        try
        {
            // A submit that started is not abandoned when the client goes away: its outcome must reach the ledger.
            return await reply.Task.WaitAsync(_timeout, _time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new CondorTimeoutException("The write service did not answer in time.", _timeout, innerException: e);
        }
    }
}
