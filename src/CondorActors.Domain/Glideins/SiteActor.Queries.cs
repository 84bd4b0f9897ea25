using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>Asks a site for a <see cref="SiteGlideins"/> listing (one message, whatever the number of glideins).</summary>
public sealed record ListSiteGlideins
{
    private ListSiteGlideins()
    {
    }

    public static ListSiteGlideins Instance { get; } = new();
}

/// <summary>One glidein as its site tracks it (phase and batch job as last reported), without asking the glidein's actor.</summary>
public sealed record SiteGlidein(string GlideinId, string Site, GlideinPhase Phase, string? BatchJobId, GlideinSpec Spec);

/// <summary>Every glidein the site follows (not yet cleaned up), in id order.</summary>
public sealed record SiteGlideins(string Site, ImmutableArray<SiteGlidein> Glideins);

public sealed partial class SiteActor
{
    private void ReplyGlideins() =>
        Sender.Tell(new SiteGlideins(Settings.Name, [.. _state.Glideins.Select(p => _children.TryGetValue(p.Key, out var child)
            ? new SiteGlidein(p.Key, Settings.Name, child.Phase, child.BatchJobId, p.Value)
            : new SiteGlidein(p.Key, Settings.Name, GlideinPhase.Requested, null, p.Value))]), Self);
}
