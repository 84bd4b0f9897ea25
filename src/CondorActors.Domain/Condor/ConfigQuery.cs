namespace CondorActors.Domain.Condor;

/// <summary>
/// A configuration query (<c>condor_config_val</c>): the values of some names, or all of them
/// (<see cref="Names"/> empty). With <see cref="Daemon"/> the running daemon is asked instead of
/// the configuration files the gateway itself reads.
/// </summary>
public sealed record ConfigQuery
{
    /// <summary>Every value (<c>condor_config_val -dump</c>).</summary>
    public static ConfigQuery All { get; } = new();

    /// <summary>Names to look up (case-insensitive); empty dumps every value.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Ask this kind of running daemon; null reads the local configuration.</summary>
    public CondorDaemonKind? Daemon { get; init; }

    /// <summary>The daemon's name (<c>-name</c>); null means the local one of <see cref="Daemon"/>'s kind.</summary>
    public string? DaemonName { get; init; }

    /// <summary>The collector to locate the daemon through; null means the configured default.</summary>
    public string? Pool { get; init; }

    public bool IsDump => Names.Count == 0;

    public static ConfigQuery For(params string[] names) => new() { Names = names };
}
