using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>What one glidein asks for: the request parameters, checked against the site's limits.</summary>
public sealed record GlideinSpec
{
    /// <summary>Nodes of the one batch job (each runs an HPC half; split mode has one bridge startd per node).</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>Slots each node's startd advertises.</summary>
    public int SlotsPerNode { get; init; } = 1;

    public TimeSpan Walltime { get; init; } = TimeSpan.FromHours(1);

    public GlideinMode Mode { get; init; } = GlideinMode.Split;

    /// <summary>
    /// Extra string attributes every startd of the glidein advertises (names checked by
    /// <see cref="GlideinAttributes.Problem"/>; values quoted when the configuration is written).
    /// </summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Slot names as the startds advertise them: <c>slot{s}@glidein_{id}_{node}@{host}</c>.</summary>
    public int TotalSlots => Nodes * SlotsPerNode;
}
