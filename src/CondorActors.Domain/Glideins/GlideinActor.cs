using CondorActors.Domain.Batch;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// One glidein's whole life, persisted: submits its batch job, starts its bridge half (split
/// mode), follows the site's observations through the phases of <see cref="GlideinPhase"/>, and
/// once dead runs the cleanup steps one message at a time, each persisted so a restart resumes
/// at the first step not done. Decisions come from <see cref="GlideinRules"/>; the state only
/// folds the events. A failing step is retried with backoff on a timer and never blocks other
/// glideins (each glidein is its own actor).
/// </summary>
public sealed partial class GlideinActor : PersistentActor
{
    private readonly GlideinSiteContext _site;
    private readonly string _id;
    private readonly GlideinSpec _spec;
    private readonly GlideinFiles _files;
    private GlideinState? _state;
    private DateTimeOffset? _lastHeartbeat;
    private bool _willing;
    private bool _submitWhenNotFound;
    private int _submitAttempts;

    public GlideinActor(GlideinSiteContext site, string glideinId, GlideinSpec spec)
    {
        _site = site;
        _id = glideinId;
        _spec = spec;
        _files = site.FilesOf(glideinId);
    }

    public override string PersistenceId => "glidein-" + _id;

    private GlideinSiteSettings Settings => _site.Settings;

    private GlideinState State => _state ?? throw new InvalidOperationException($"Glidein {_id} has no state yet.");

    private DateTimeOffset Now => Context.System.Time.GetUtcNow();

    /// <summary>Props of a glidein; <paramref name="spec"/> is used only when its journal is empty.</summary>
    public static Props Props(GlideinSiteContext site, string glideinId, GlideinSpec spec) =>
        Kernel.Actors.Props.Create(() => new GlideinActor(site, glideinId, spec));

    protected override Task ReceiveRecoverAsync(object message)
    {
        switch (message)
        {
            case GlideinRequested requested:
                _state = GlideinState.Initial(requested);
                break;
            case IGlideinEvent e:
                _state = State.Apply(e);
                break;
            case RecoveryCompleted when _state is not null:
                // Told now, not on Resume: the site's first poll after a restart often reaches a
                // glidein while it is still replaying, so that observation (and the write of what
                // it shows, slow when 10,000 glideins persist at once) comes before Resume; until
                // this report the site lists the glidein as Requested.
                Report();
                break;
        }

        return Task.CompletedTask;
    }

    protected override Task PreStartAsync()
    {
        Self.Tell(Resume.Instance, Self);
        return Task.CompletedTask;
    }

    protected override async Task ReceiveCommandAsync(object command)
    {
        switch (command)
        {
            case Resume:
                await ResumeAsync().ConfigureAwait(false);
                break;
            case SubmitBatchJob when _state is { Phase: GlideinPhase.Requested }:
                await SubmitAsync().ConfigureAwait(false);
                break;
            case ObserveGlidein observation when _state is not null:
                await ObserveAsync(observation).ConfigureAwait(false);
                break;
            case DrainGlidein drain when _state is { IsLive: true, Phase: not GlideinPhase.Draining }:
                Persist(new GlideinDrainRequested(drain.Deadline, drain.Cause, Now), async e =>
                {
                    Apply(e);
                    await OnDrainingAsync().ConfigureAwait(false);
                });
                break;
            case DrainDeadlineReached when _state is { Phase: GlideinPhase.Draining }:
                Persist(new GlideinDied(GlideinDeathCause.DrainDeadlinePassed, $"jobs still running at {State.DrainDeadline:O}", Now), Apply);
                break;
            case CancelGlidein cancel when _state is { IsLive: true }:
                Persist(new GlideinDied(GlideinDeathCause.Cancelled, cancel.Cause, Now), Apply);
                break;
            case RunCleanup when _state is { IsCleaningUp: true }:
                await CleanupAsync().ConfigureAwait(false);
                break;
            case GetGlidein:
                Sender.Tell((object?)_state ?? new Status.Failure(new InvalidOperationException($"Glidein {_id} has no state yet.")), Self);
                break;
            case SubmitBatchJob or ObserveGlidein or DrainGlidein or DrainDeadlineReached or CancelGlidein or RunCleanup:
                // Out of date for the current phase (e.g. an observation after death): nothing to do.
                break;
            default:
                Unhandled(command);
                break;
        }
    }

    private async Task ResumeAsync()
    {
        if (_state is null)
        {
            Persist(new GlideinRequested(_id, Settings.Name, _spec, "requested", Now), e =>
            {
                _state = GlideinState.Initial(e);
                Report();
                Self.Tell(SubmitBatchJob.Instance, Self);
            });
            return;
        }

        switch (State.Phase)
        {
            case GlideinPhase.Requested:
                // The controller may have died after the submit but before its event: wait for the
                // site's first poll, which finds a job by the glidein's name, before submitting.
                _submitWhenNotFound = true;
                break;
            case GlideinPhase.CleanedUp:
                Finish();
                break;
            case GlideinPhase.Dead or GlideinPhase.SubmitFailed:
                Self.Tell(RunCleanup.Instance, Self);
                break;
            case GlideinPhase.Draining:
                await OnDrainingAsync().ConfigureAwait(false);
                break;
            case GlideinPhase.Pending when State.Spec.Mode == GlideinMode.Split && !State.BridgeStarted:
                await StartBridgeAsync().ConfigureAwait(false);
                break;
        }
    }

    private async Task ObserveAsync(ObserveGlidein observation)
    {
        if (State.Phase == GlideinPhase.Requested && _submitWhenNotFound && observation is { BatchKnown: true, Batch: null })
        {
            _submitWhenNotFound = false;
            await SubmitAsync().ConfigureAwait(false);
            return;
        }

        // The site polled before it heard of the submit and looked the job up by name in a snapshot
        // taken before it existed: that "not found" says nothing about the job (it is not vanished).
        if (observation is { BatchKnown: true, Batch: null, BatchJobId: null } && State.BatchJobId is not null)
        {
            observation = observation with { BatchKnown = false };
        }

        var running = observation is { BatchKnown: true, Batch.State: BatchJobState.Running };
        // Only with a heartbeat timeout does the age matter (and cost a file read).
        TimeSpan? heartbeatAge = running && Settings.HeartbeatTimeout is not null ? HeartbeatAgeAt(observation.At) : null;

        var evidence = new GlideinEvidence(observation.At)
        {
            BatchKnown = observation.BatchKnown,
            Batch = observation.Batch,
            Ads = observation.Ads,
            HeartbeatAge = heartbeatAge,
            BridgeAlive = State is { Spec.Mode: GlideinMode.Split, BridgeStarted: true } && State.IsLive
                ? _site.Bridge.IsAlive(_id, new BridgeHandle(State.BridgePid, State.BridgeStartTicks))
                : null,
        };

        var events = GlideinRules.Decide(State, evidence, Settings.HeartbeatTimeout);

        // The batch job runs: the split startd may now accept jobs. Checked whatever the events
        // (the poll that first sees Running also records it, and may see the unwilling startd's
        // slots and move to Advertising); after a restart it is said once more, which is harmless.
        if (running && !_willing && !events.OfType<GlideinDied>().Any()
            && State is { Spec.Mode: GlideinMode.Split, BridgeStarted: true, Phase: GlideinPhase.Pending or GlideinPhase.Advertising or GlideinPhase.Running or GlideinPhase.Idle })
        {
            await _site.Bridge.SetWillingAsync(_id, willing: true).ConfigureAwait(false);
            _willing = true;
        }

        if (events.Count > 0)
        {
            PersistAll(events, Apply);
        }
    }

    private async Task OnDrainingAsync()
    {
        if (State.Spec.Mode == GlideinMode.Split && State.BridgeStarted)
        {
            await _site.Bridge.SetWillingAsync(_id, willing: false).ConfigureAwait(false);
            _willing = false;
        }

        var remaining = State.DrainDeadline!.Value - Now;
        Timers.StartSingleTimer(nameof(DrainDeadlineReached), DrainDeadlineReached.Instance, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }

    /// <summary>Folds a durable event into the state and tells the site when what it tracks changed.</summary>
    private void Apply(IGlideinEvent @event)
    {
        var before = State;
        _state = before.Apply(@event);
        if (before.Phase != State.Phase || before.BatchJobId != State.BatchJobId)
        {
            Report();
        }

        if (before.IsLive && State.IsCleaningUp)
        {
            Timers.Cancel(nameof(DrainDeadlineReached));
            Self.Tell(RunCleanup.Instance, Self);
        }
    }

    private void Report() => Context.Parent?.Tell(new GlideinStatusChanged(_id, State.Phase, State.BatchJobId), Self);

    private void Finish()
    {
        Context.Parent?.Tell(new GlideinFinished(_id), Self);
        Context.Stop(Self);
    }

    private CancellationTokenSource StepTimeout() => new(Settings.StepTimeout, Context.System.Time);

    private TimeSpan Backoff(int attempt)
    {
        var delay = Settings.CleanupRetryInitial * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay < Settings.CleanupRetryMax ? delay : Settings.CleanupRetryMax;
    }
}
