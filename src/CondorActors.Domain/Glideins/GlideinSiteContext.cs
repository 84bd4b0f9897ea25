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
    public GlideinFiles FilesOf(string glideinId) => new(Settings.DataDirectory, Settings.Name, glideinId);
}
