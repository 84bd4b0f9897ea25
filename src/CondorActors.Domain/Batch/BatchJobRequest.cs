using System.Collections.Immutable;

namespace CondorActors.Domain.Batch;

/// <summary>
/// What to submit. The adapter prefixes <see cref="Name"/> with the site's tag; the tag itself is
/// a site setting (not part of the request) because the status query must select by it.
/// Null resource fields fall back to the site's options, then to the batch system's defaults.
/// </summary>
public sealed record BatchJobRequest(string Script, string Name)
{
    public int Nodes { get; init; } = 1;

    public int? TasksPerNode { get; init; }

    public int? CpusPerTask { get; init; }

    public TimeSpan? Walltime { get; init; }

    public string? Account { get; init; }

    /// <summary>Slurm partition, PBS/Cobalt queue.</summary>
    public string? Queue { get; init; }

    public string? Qos { get; init; }

    public string? StandardOutputPath { get; init; }

    public string? StandardErrorPath { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Extra options for the submit command (<c>--constraint=knl</c>, <c>-l filesystems=home</c>),
    /// each accepted only when its option name is in the site's allowed list.
    /// </summary>
    public ImmutableArray<string> ExtraDirectives { get; init; } = [];
}
