using System.Collections.Immutable;
using System.Security.Cryptography;
using CondorActors.Domain.Batch;
using CondorActors.Domain.ClassAds;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// One configured site: owns its batch system, keeps a persistent index of its glideins (so each
/// is recovered at start-up until it is cleaned up), enforces the site's limits, and per poll
/// interval runs exactly ONE batch status command and ONE collector query for all its glideins,
/// fanning the answers out to them as <see cref="ObserveGlidein"/>. The first poll runs right
/// after recovery, so a batch job that ended while the controller was down is seen at once.
/// </summary>
public sealed partial class SiteActor : PersistentActor
{
    private readonly GlideinSiteContext _site;
    private readonly Dictionary<string, (IActorRef Actor, GlideinPhase Phase, string? BatchJobId)> _children = new(StringComparer.Ordinal);
    private SiteState _state = SiteState.Empty;

    public SiteActor(GlideinSiteContext site)
    {
        _site = site;
    }

    public override string PersistenceId => "site-" + _site.Settings.Name;

    private GlideinSiteSettings Settings => _site.Settings;

    private DateTimeOffset Now => Context.System.Time.GetUtcNow();

    public static Props Props(GlideinSiteContext site) => Kernel.Actors.Props.Create(() => new SiteActor(site));

    protected override Task ReceiveRecoverAsync(object message)
    {
        switch (message)
        {
            case SiteGlideinAdded or SiteGlideinRemoved:
                _state = _state.Apply(message);
                break;
            case RecoveryCompleted:
                foreach (var (id, spec) in _state.Glideins)
                {
                    StartChild(id, spec);
                }

                break;
        }

        return Task.CompletedTask;
    }

    protected override Task PreStartAsync()
    {
        Timers.StartSingleTimer(nameof(Poll), Poll.Instance, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    protected override async Task ReceiveCommandAsync(object command)
    {
        switch (command)
        {
            case Poll:
                try
                {
                    await PollAsync().ConfigureAwait(false);
                }
                finally
                {
                    // Re-armed after each poll (not periodic) so slow commands never pile up polls.
                    Timers.StartSingleTimer(nameof(Poll), Poll.Instance, Settings.PollInterval);
                }

                break;
            case RequestGlideins request:
                Request(request);
                break;
            case GlideinStatusChanged changed when _children.TryGetValue(changed.GlideinId, out var child):
                _children[changed.GlideinId] = (child.Actor, changed.Phase, changed.BatchJobId);
                break;
            case GlideinFinished finished:
                _children.Remove(finished.GlideinId);
                if (_state.Glideins.ContainsKey(finished.GlideinId))
                {
                    Persist(new SiteGlideinRemoved(finished.GlideinId, Now), e => _state = _state.Apply(e));
                }

                break;
            case ToGlidein to:
                if (_children.TryGetValue(to.GlideinId, out var target))
                {
                    target.Actor.Tell(to.Message, Sender);
                }
                else
                {
                    Sender.Tell(new GlideinNotFound(to.GlideinId), Self);
                }

                break;
            case ListSiteGlideins:
                ReplyGlideins();
                break;
            case GetSite:
                Sender.Tell(new SiteSummary(
                    Settings.Name,
                    _site.Batch.Kind,
                    Settings.MaxGlideins,
                    _children.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Phase, StringComparer.Ordinal)), Self);
                break;
            case Terminated terminated:
                // A child stopped without finishing (e.g. its journal failed): the next poll recovers it.
                foreach (var id in _children.Where(p => ReferenceEquals(p.Value.Actor, terminated.ActorRef)).Select(p => p.Key).ToList())
                {
                    _children.Remove(id);
                }

                break;
            default:
                Unhandled(command);
                break;
        }
    }

    private void Request(RequestGlideins request)
    {
        var spec = request.Spec;
        var live = _children.Values.Count(c => c.Phase is not (GlideinPhase.Dead or GlideinPhase.SubmitFailed or GlideinPhase.CleanedUp));
        var reason =
            request.Count < 1 ? "count must be at least 1" :
            live + request.Count > Settings.MaxGlideins ? $"site {Settings.Name} allows {Settings.MaxGlideins} glideins; {live} are live" :
            spec.Nodes < 1 || spec.Nodes > Settings.MaxNodesPerJob ? $"nodes must be 1..{Settings.MaxNodesPerJob} on site {Settings.Name}" :
            spec.SlotsPerNode < 1 || spec.SlotsPerNode > Settings.MaxSlotsPerNode ? $"slots per node must be 1..{Settings.MaxSlotsPerNode} on site {Settings.Name}" :
            spec.Walltime <= TimeSpan.Zero || spec.Walltime > Settings.MaxWalltime ? $"walltime must be positive and at most {Settings.MaxWalltime}" :
            null;
        if (reason is not null)
        {
            Sender.Tell(new GlideinRequestRejected(reason), Self);
            return;
        }

        var sender = Sender;
        var ids = Enumerable.Range(0, request.Count).Select(_ => NewGlideinId()).ToImmutableArray();
        PersistAll(ids.Select(id => new SiteGlideinAdded(id, spec, Now)), e =>
        {
            _state = _state.Apply(e);
            StartChild(e.GlideinId, e.Spec);

            // Replied once all are durable (one atomic batch): ids handed out survive a crash.
            if (e.GlideinId == ids[^1])
            {
                sender.Tell(new GlideinsRequested(ids), Self);
            }
        });
    }

    private void StartChild(string id, GlideinSpec spec)
    {
        var actor = Context.ActorOf(GlideinActor.Props(_site, id, spec), id);
        Context.Watch(actor);
        _children[id] = (actor, GlideinPhase.Requested, null);
    }

    private string NewGlideinId() => $"g{Now:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    private async Task PollAsync()
    {
        foreach (var (id, spec) in _state.Glideins.Where(p => !_children.ContainsKey(p.Key)))
        {
            StartChild(id, spec);
        }

        if (_children.Count == 0)
        {
            return;
        }

        var expected = new List<string>(_children.Count);
        var anyWithoutJob = false;
        foreach (var child in _children.Values)
        {
            if (child.BatchJobId is { } jobId)
            {
                expected.Add(jobId);
            }
            else
            {
                anyWithoutJob = true;
            }
        }

        var batchTask = PollBatchAsync(expected);
        var adsTask = PollCollectorAsync();
        var batch = await batchTask.ConfigureAwait(false);
        var ads = await adsTask.ConfigureAwait(false);
        var at = Now;

        // Only glideins whose submit was not recorded (a crash in between) are looked up by name.
        var byName = batch is not null && anyWithoutJob ? JobsByNameSuffix(batch) : null;
        foreach (var (id, child) in _children)
        {
            BatchJobStatus? status = null;
            if (batch is not null)
            {
                status = child.BatchJobId is { } jobId ? batch.Find(jobId) : byName!.GetValueOrDefault(id);
            }

            var glideinAds = ads is null ? null : ads.GetValueOrDefault(id, GlideinAds.None);
            child.Actor.Tell(new ObserveGlidein(at, batch is not null, status, glideinAds) { BatchJobId = child.BatchJobId }, Self);
        }
    }

    /// <summary>
    /// Jobs by every part of their name that follows a '-' (a job named <c>{tag}-{id}</c> is found
    /// by its glidein id), so each lookup is one hash probe instead of a scan of all jobs.
    /// The first job listed under a suffix wins.
    /// </summary>
    internal static Dictionary<string, BatchJobStatus> JobsByNameSuffix(BatchStatusSnapshot batch)
    {
        var result = new Dictionary<string, BatchJobStatus>(StringComparer.Ordinal);
        foreach (var job in batch.Jobs.Values)
        {
            if (job.Name is not { } name)
            {
                continue;
            }

            for (var dash = name.IndexOf('-', StringComparison.Ordinal); dash >= 0; dash = name.IndexOf('-', dash + 1))
            {
                result.TryAdd(name[(dash + 1)..], job);
            }
        }

        return result;
    }

    private async Task<BatchStatusSnapshot?> PollBatchAsync(IReadOnlyCollection<string> expected)
    {
        try
        {
            return await _site.Batch.GetStatusAsync(expected).ConfigureAwait(false);
        }
        catch (BatchSystemUnavailableException ex)
        {
            Log.LogBatchUnavailable(ex, Settings.Name);
            return null;
        }
    }

    private async Task<Dictionary<string, GlideinAds>?> PollCollectorAsync()
    {
        IReadOnlyList<ClassAd> ads;
        try
        {
            ads = await _site.Condor.QueryGlideinAdsAsync(Settings.Name).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Condor.CondorException or OperationCanceledException)
        {
            Log.LogCollectorUnavailable(ex, Settings.Name);
            return null;
        }

        var result = new Dictionary<string, GlideinAds>(StringComparer.Ordinal);
        foreach (var ad in ads)
        {
            if (!ad.Evaluate("GlideinId").TryGetString(out var id))
            {
                continue;
            }

            var claimed = ad.Evaluate("State").TryGetString(out var state) && state.Equals("Claimed", StringComparison.OrdinalIgnoreCase);
            var current = result.GetValueOrDefault(id, GlideinAds.None);
            result[id] = new GlideinAds(current.Slots + 1, current.Claimed + (claimed ? 1 : 0));
        }

        return result;
    }
}
