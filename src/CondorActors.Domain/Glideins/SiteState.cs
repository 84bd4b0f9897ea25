using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>A glidein joined the site's index (before its actor persists anything).</summary>
public sealed record SiteGlideinAdded(string GlideinId, GlideinSpec Spec, DateTimeOffset At);

/// <summary>A glidein is cleaned up and leaves the site's index.</summary>
public sealed record SiteGlideinRemoved(string GlideinId, DateTimeOffset At);

/// <summary>The site's persisted index: every glidein not yet cleaned up, so start-up recovers each one.</summary>
public sealed record SiteState
{
    public static SiteState Empty { get; } = new();

    public ImmutableSortedDictionary<string, GlideinSpec> Glideins { get; init; } = ImmutableSortedDictionary.Create<string, GlideinSpec>(StringComparer.Ordinal);

    public SiteState Apply(object @event) => @event switch
    {
        SiteGlideinAdded e => this with { Glideins = Glideins.SetItem(e.GlideinId, e.Spec) },
        SiteGlideinRemoved e => this with { Glideins = Glideins.Remove(e.GlideinId) },
        _ => throw new ArgumentException($"Unknown site event {@event.GetType().Name}", nameof(@event)),
    };
}
