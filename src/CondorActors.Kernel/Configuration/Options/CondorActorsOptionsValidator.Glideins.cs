namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Checks of a site's glidein keys (request defaults and limits, commands, cleanup).</summary>
public sealed partial class CondorActorsOptionsValidator
{
    private static void CheckGlideins(List<string> errors, string p, SiteSettings site)
    {
        AtLeast(errors, $"{p}.slots-per-node", site.SlotsPerNode, 1);
        if (site.MaxSlotsPerNode < site.SlotsPerNode)
        {
            errors.Add($"{p}.max-slots-per-node: {site.MaxSlotsPerNode} is less than slots-per-node ({site.SlotsPerNode})");
        }

        if (site.MaxWalltime < site.Walltime)
        {
            errors.Add($"{p}.max-walltime: {site.MaxWalltime} is less than walltime ({site.Walltime})");
        }

        OneOf(errors, $"{p}.mode", site.Mode, SiteSettings.Modes);
        OneOf(errors, $"{p}.security", site.Security, SiteSettings.SecurityMethods);
        Positive(errors, $"{p}.drain-deadline", site.DrainDeadline);
        if (site.Retention < TimeSpan.Zero)
        {
            errors.Add($"{p}.retention: must not be negative");
        }

        Positive(errors, $"{p}.cleanup-retry-initial", site.CleanupRetryInitial);
        if (site.CleanupRetryMax < site.CleanupRetryInitial)
        {
            errors.Add($"{p}.cleanup-retry-max: {site.CleanupRetryMax} is less than cleanup-retry-initial ({site.CleanupRetryInitial})");
        }

        Positive(errors, $"{p}.step-timeout", site.StepTimeout);
        AtLeast(errors, $"{p}.max-concurrent-commands", site.MaxConcurrentCommands, 1);
        AtLeast(errors, $"{p}.submit-attempts", site.SubmitAttempts, 1);
        Argv(errors, $"{p}.hpc-half-command", site.HpcHalfCommand);
        Argv(errors, $"{p}.node-launcher", site.NodeLauncher);
        Argv(errors, $"{p}.bridge-command", site.BridgeCommand);
        if (site.CollectorHost.Any(char.IsWhiteSpace) || site.BridgeHost.Any(char.IsWhiteSpace))
        {
            errors.Add($"{p}.{(site.CollectorHost.Any(char.IsWhiteSpace) ? "collector-host" : "bridge-host")}: a host name has no blanks");
        }
    }

    /// <summary>An argv template: empty (the default), or a program followed by arguments, none of them with a line break.</summary>
    private static void Argv(List<string> errors, string path, List<string> argv)
    {
        if (argv.Count > 0 && string.IsNullOrWhiteSpace(argv[0]))
        {
            errors.Add($"{path}: the first element (the program) must not be empty");
        }

        // The HPC half's argv is written into a shell script; a line break would start a new command.
        if (argv.Any(a => a.Any(char.IsControl)))
        {
            errors.Add($"{path}: an argument contains a line break or another control character");
        }
    }
}
