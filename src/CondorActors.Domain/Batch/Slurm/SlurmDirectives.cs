using System.Collections.Immutable;
using System.Globalization;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// The sbatch options for a request: given as arguments by the Slurm adapter and as
/// <c>#SBATCH</c> lines by the Superfacility adapter (which can only send a script).
/// </summary>
internal static class SlurmDirectives
{
    // Options the adapters set themselves; an operator cannot allow a request to override them.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "--parsable", "-J", "--job-name", "--comment", "--export", "--wrap", "-M", "--clusters",
    };

    public static List<string> Build(
        BatchJobRequest request, BatchJobTag tag, string? partition, string? account, string? qos, string? constraint, string export, ImmutableArray<string> allowed)
    {
        var arguments = new List<string>
        {
            "--job-name=" + tag.JobName(request.Name),
            "--comment=" + tag.Comment,
            "--export=" + export,
            "--nodes=" + request.Nodes.ToString(CultureInfo.InvariantCulture),
        };
        AddIf(arguments, "--ntasks-per-node=", request.TasksPerNode?.ToString(CultureInfo.InvariantCulture));
        AddIf(arguments, "--cpus-per-task=", request.CpusPerTask?.ToString(CultureInfo.InvariantCulture));
        AddIf(arguments, "--time=", request.Walltime is { } walltime ? FormatWalltime(walltime) : null);
        AddIf(arguments, "--account=", request.Account ?? account);
        AddIf(arguments, "--partition=", request.Queue ?? partition);
        AddIf(arguments, "--qos=", request.Qos ?? qos);
        if (!request.ExtraDirectives.Any(d => d.Split('=', 2)[0] is "--constraint" or "-C"))
        {
            AddIf(arguments, "--constraint=", constraint);
        }

        AddIf(arguments, "--output=", request.StandardOutputPath);
        AddIf(arguments, "--error=", request.StandardErrorPath);
        AddIf(arguments, "--chdir=", request.WorkingDirectory);
        foreach (var directive in request.ExtraDirectives)
        {
            var name = directive.Split('=', 2)[0];
            if (Reserved.Contains(name) || !allowed.Contains(name))
            {
                throw new BatchRequestException($"Directive '{name}' is not allowed on this site (allowed: {string.Join(", ", allowed)}).");
            }

            arguments.Add(directive);
        }

        // A value with a line break would smuggle extra lines into a script (#SBATCH form).
        if (arguments.Any(a => a.Contains('\n', StringComparison.Ordinal) || a.Contains('\r', StringComparison.Ordinal)))
        {
            throw new BatchRequestException("Job options must not contain line breaks.");
        }

        return arguments;
    }

    /// <summary>Slurm's D-HH:MM:SS, rounded up to whole seconds (Slurm itself rounds limits up to minutes).</summary>
    public static string FormatWalltime(TimeSpan walltime)
    {
        var seconds = (long)Math.Ceiling(walltime.TotalSeconds);
        if (seconds <= 0)
        {
            throw new BatchRequestException($"Walltime {walltime} must be positive.");
        }

        var span = TimeSpan.FromSeconds(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{span.Days}-{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
    }

    private static void AddIf(List<string> arguments, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments.Add(option + value);
        }
    }
}
