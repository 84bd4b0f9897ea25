using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Glideins;

/// <summary>What a site gives each of its glidein actors: settings and the ports to the outside world.</summary>
public sealed record GlideinSiteContext(
    GlideinSiteSettings Settings,
    IBatchSystem Batch,
    IGlideinCondorOps Condor,
    IBridgeHalf Bridge,
    IOrphanKiller Orphans)
{
    /// <summary>Shared by all the site's glideins: at most <see cref="GlideinSiteSettings.MaxConcurrentCommands"/> commands at once.</summary>
    public CommandSlots Commands { get; } = new(Settings.MaxConcurrentCommands);

    public GlideinFiles FilesOf(string glideinId) => new(Settings.DataDirectory, Settings.Name, glideinId);
}
