using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The glideins of every configured site, for callers outside the actor system (HTTP handlers).
/// Creates the <see cref="SitesActor"/> (<c>/user/sites</c>, one <see cref="SiteActor"/> per site)
/// and asks it. Finding a glidein by id asks every site at once: ids do not name their site, and
/// each site's own index (its persisted list of glideins) is the only source of truth, so no
/// second index can drift from it (through recovery, cleanup, a site restarted by supervision).
/// Sites are a handful of configured entries, so a lookup costs a handful of messages.
/// </summary>
public sealed class GlideinSites : IAsyncDisposable
{
    private readonly IActorRef _sites;
    private readonly Dictionary<string, GlideinSiteContext> _byName;
    private readonly TimeSpan _timeout;

    /// <param name="system">Where the <c>sites</c> actor lives.</param>
    /// <param name="sites">The sites that can run glideins.</param>
    /// <param name="askTimeout">Longest wait for a site's answer.</param>
    public GlideinSites(ActorSystem system, IReadOnlyList<GlideinSiteContext> sites, TimeSpan askTimeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(sites);
        Sites = sites;
        _byName = sites.ToDictionary(s => s.Settings.Name, StringComparer.Ordinal);
        _timeout = askTimeout;
        _sites = system.ActorOf(SitesActor.Props(sites), "sites");
    }

    /// <summary>The configured sites, enabled or not, in configuration order.</summary>
    public IReadOnlyList<GlideinSiteContext> Sites { get; }

    /// <summary>The site named <paramref name="site"/> (exact, case-sensitive: site names are lower case), or null.</summary>
    public GlideinSiteContext? Find(string site) => _byName.GetValueOrDefault(site);

    /// <summary>The site's glideins by phase.</summary>
    public Task<SiteSummary> GetSummaryAsync(string site, CancellationToken cancellationToken = default) =>
        AskAsync<SiteSummary>(site, GetSite.Instance, cancellationToken);

    /// <summary>Every glidein the site follows, with phase, batch job and request parameters.</summary>
    public Task<SiteGlideins> ListAsync(string site, CancellationToken cancellationToken = default) =>
        AskAsync<SiteGlideins>(site, ListSiteGlideins.Instance, cancellationToken);

    /// <summary>
    /// Asks <paramref name="site"/> for <paramref name="count"/> glideins. The answer is one of
    /// <see cref="GlideinsRequested"/>, <see cref="GlideinRequestRejected"/>, <see cref="SiteDisabled"/>
    /// or <see cref="SiteNotFound"/>.
    /// </summary>
    public Task<object> RequestAsync(string site, int count, GlideinSpec spec, CancellationToken cancellationToken = default) =>
        _sites.Ask<object>(new ToSite(site, new RequestGlideins(count, spec)), _timeout, cancellationToken);

    /// <summary>The glidein's state from whichever site has it; null when no site does (never existed, or cleaned up).</summary>
    public async Task<GlideinState?> FindGlideinAsync(string glideinId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(glideinId);
        var answers = await Task.WhenAll(Sites.Select(s =>
            _sites.Ask<object>(new ToSite(s.Settings.Name, new ToGlidein(glideinId, GetGlidein.Instance)), _timeout, cancellationToken))).ConfigureAwait(false);
        return answers.OfType<GlideinState>().FirstOrDefault();
    }

    /// <summary>Drains the glidein (no new jobs; those still running at <paramref name="deadline"/> are vacated).</summary>
    public void Drain(string site, string glideinId, DateTimeOffset deadline, string cause) =>
        _sites.Tell(new ToSite(site, new ToGlidein(glideinId, new DrainGlidein(deadline, cause))));

    /// <summary>Stops the glidein now: it dies and its cleanup begins.</summary>
    public void Cancel(string site, string glideinId, string cause) =>
        _sites.Tell(new ToSite(site, new ToGlidein(glideinId, new CancelGlidein(cause))));

    /// <summary>Disposes the batch adapters that hold resources (the local one's slots).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var batch in Sites.Select(s => s.Batch).OfType<IAsyncDisposable>())
        {
            await batch.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<T> AskAsync<T>(string site, object message, CancellationToken cancellationToken) =>
        await _sites.Ask<object>(new ToSite(site, message), _timeout, cancellationToken).ConfigureAwait(false) switch
        {
            T answer => answer,
            SiteNotFound => throw new KeyNotFoundException($"No site '{site}'."),
            var other => throw new InvalidOperationException($"Site {site} answered {other.GetType().Name} to {message.GetType().Name}."),
        };
}
