using CondorActors.Kernel.Actors;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The parent of every <see cref="SiteActor"/> (<c>/user/sites/&lt;site&gt;</c>): starts one per
/// configured site (disabled ones too, so the glideins they already have are recovered, followed
/// and cleaned up) and routes messages to them. A disabled site takes no new glideins: the
/// refusal happens here, so <see cref="SiteActor"/> needs no notion of it.
/// </summary>
public sealed class SitesActor : ActorBase
{
    private readonly IReadOnlyList<GlideinSiteContext> _sites;
    private readonly Dictionary<string, (IActorRef Actor, bool Enabled)> _children = new(StringComparer.Ordinal);

    public SitesActor(IReadOnlyList<GlideinSiteContext> sites)
    {
        _sites = sites;
    }

    /// <summary>Props of the parent; one child per context, named by the site.</summary>
    public static Props Props(IReadOnlyList<GlideinSiteContext> sites) => Kernel.Actors.Props.Create(() => new SitesActor(sites));

    protected override Task PreStartAsync()
    {
        foreach (var site in _sites)
        {
            _children[site.Settings.Name] = (Context.ActorOf(SiteActor.Props(site), site.Settings.Name), site.Settings.Enabled);
        }

        return Task.CompletedTask;
    }

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case ToSite { Message: RequestGlideins } to when _children.TryGetValue(to.Site, out var site) && !site.Enabled:
                Sender.Tell(new SiteDisabled(to.Site), Self);
                break;
            case ToSite to when _children.TryGetValue(to.Site, out var site):
                // Forwarded with the original sender: the site answers the asker directly.
                site.Actor.Tell(to.Message, Sender);
                break;
            case ToSite to:
                Sender.Tell(new SiteNotFound(to.Site), Self);
                break;
            default:
                Unhandled(message);
                break;
        }

        return Task.CompletedTask;
    }
}
