namespace CondorActors.Domain.Condor;

/// <summary>A query of the collector (<c>condor_status</c>).</summary>
public sealed record StatusQuery
{
    public StatusAdType AdType { get; init; } = StatusAdType.Startd;

    /// <summary>ClassAd expression text selecting ads; null selects every ad of the type.</summary>
    public string? Constraint { get; init; }

    /// <summary>Attributes to return; null returns whole ads. Name and MyType are always added.</summary>
    public IReadOnlyList<string>? Projection { get; init; }

    /// <summary>Only the ad whose Name is exactly this (for example <c>slot1@vm</c>); null for all.</summary>
    public string? Name { get; init; }

    /// <summary>The collector to ask (<c>host[:port]</c>); null means the configured default.</summary>
    public string? Pool { get; init; }

    /// <summary>At most this many ads; null for no limit.</summary>
    public int? Limit { get; init; }
}
