using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>Asks a site for <paramref name="Count"/> glideins like <paramref name="Spec"/>.</summary>
public sealed record RequestGlideins(int Count, GlideinSpec Spec);

/// <summary>The glideins were created (their actors submit the batch jobs).</summary>
public sealed record GlideinsRequested(ImmutableArray<string> GlideinIds);

/// <summary>The request breaks a site limit; nothing was created.</summary>
public sealed record GlideinRequestRejected(string Reason);

/// <summary>Sends <paramref name="Message"/> (drain, cancel, get) to one of the site's glideins.</summary>
public sealed record ToGlidein(string GlideinId, object Message);

/// <summary>The site has no such glidein (cleaned up or never existed).</summary>
public sealed record GlideinNotFound(string GlideinId);

/// <summary>Asks for the site's <see cref="SiteSummary"/>.</summary>
public sealed record GetSite
{
    private GetSite()
    {
    }

    public static GetSite Instance { get; } = new();
}

/// <summary>A site's configuration-independent view: its glideins by phase.</summary>
public sealed record SiteSummary(string Site, string BatchSystem, int MaxGlideins, ImmutableSortedDictionary<string, GlideinPhase> Glideins)
{
    public int Live => Glideins.Values.Count(p => p is not (GlideinPhase.Dead or GlideinPhase.SubmitFailed or GlideinPhase.CleanedUp));
}

public sealed partial class SiteActor
{
    private sealed record Poll
    {
        public static Poll Instance { get; } = new();
    }
}
