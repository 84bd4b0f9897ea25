using System.Text.RegularExpressions;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Per-site checks, also used by <c>BatchSystemFactory</c> before it builds an adapter.</summary>
public sealed partial class CondorActorsOptionsValidator
{
    internal static List<string> Check(SitesSettings o)
    {
        var errors = new List<string>();
        foreach (var (name, site) in o.Sites)
        {
            errors.AddRange(CheckSite(name, site));
        }

        return errors;
    }

    /// <summary>Every problem of site <paramref name="name"/>, each naming its HOCON path; empty when it is usable.</summary>
    public static List<string> CheckSite(string name, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(site);
        var errors = new List<string>();
        var p = "condoractors.sites." + name;
        if (!SiteName().IsMatch(name))
        {
            errors.Add($"{p}: site name '{name}' must be lower-case letters, digits and '-' (it appears in glidein ids and CONDORACTORS__SITES__... variables)");
        }

        if (string.IsNullOrEmpty(site.BatchSystem))
        {
            errors.Add($"{p}.batch-system: required (one of {string.Join(", ", SiteSettings.BatchSystems)})");
            return errors;
        }

        OneOf(errors, $"{p}.batch-system", site.BatchSystem, SiteSettings.BatchSystems);
        AtLeast(errors, $"{p}.max-glideins", site.MaxGlideins, 0);
        AtLeast(errors, $"{p}.nodes-per-job", site.NodesPerJob, 1);
        if (site.MaxNodesPerJob < site.NodesPerJob)
        {
            errors.Add($"{p}.max-nodes-per-job: {site.MaxNodesPerJob} is less than nodes-per-job ({site.NodesPerJob})");
        }

        Positive(errors, $"{p}.walltime", site.Walltime);
        Positive(errors, $"{p}.poll-interval", site.PollInterval);
        if (site.HeartbeatTimeout <= site.PollInterval)
        {
            errors.Add($"{p}.heartbeat-timeout: {site.HeartbeatTimeout} must be longer than poll-interval ({site.PollInterval})");
        }

        // Same rule as the adapters' BatchJobTag (Domain): no '-', so one tag is never a prefix of another's job names.
        var tag = site.EffectiveTag(name);
        if (!TagPattern().IsMatch(tag))
        {
            errors.Add(string.IsNullOrWhiteSpace(site.Tag)
                ? $"{p}.tag: the site name gives tag '{tag}', which is not a valid batch job tag; set tag (a letter, then letters, digits, '_' or '.', at most 24)"
                : $"{p}.tag: '{tag}' must start with a letter and use only letters, digits, '_' and '.' (at most 24)");
        }

        Positive(errors, $"{p}.command-timeout", site.CommandTimeout);
        CheckBatchSystem(errors, p, site);
        CheckGlideins(errors, p, site);
        return errors;
    }

    private static void CheckBatchSystem(List<string> errors, string p, SiteSettings site)
    {
        var slurmLike = site.BatchSystem is "slurm" or "sfapi";
        var qsubLike = site.BatchSystem is "pbs" or "cobalt";

        // A key the chosen adapter ignores is a mistake (e.g. partition on PBS): say so instead of dropping it.
        OnlyFor(errors, $"{p}.partition", site.Partition, slurmLike, "slurm and sfapi (pbs and cobalt use queue)");
        OnlyFor(errors, $"{p}.qos", site.Qos, slurmLike, "slurm and sfapi");
        OnlyFor(errors, $"{p}.constraint", site.Constraint, slurmLike, "slurm and sfapi");
        OnlyFor(errors, $"{p}.queue", site.Queue, qsubLike, "pbs and cobalt (slurm and sfapi use partition)");
        OnlyFor(errors, $"{p}.job-completion-log", site.JobCompletionLog, site.BatchSystem == "slurm", "slurm");
        OnlyFor(errors, $"{p}.job-directory", site.JobDirectory, site.BatchSystem == "cobalt", "cobalt");
        if (site.BatchSystem == "local")
        {
            OnlyFor(errors, $"{p}.account", site.Account, false, "batch systems (not local)");
        }

        AtLeast(errors, $"{p}.max-running", site.MaxRunning, 0);
        if (site.KillGracePeriod < TimeSpan.Zero)
        {
            errors.Add($"{p}.kill-grace-period: must not be negative");
        }

        switch (site.BatchSystem)
        {
            case "cobalt" when string.IsNullOrWhiteSpace(site.Account):
                errors.Add($"{p}.account: required for cobalt (the project passed as qsub -A)");
                break;
            case "sfapi":
                Required(errors, $"{p}.account", site.Account, "the NERSC project charged");
                Required(errors, $"{p}.sfapi.machine", site.Sfapi.Machine, "e.g. perlmutter");
                Required(errors, $"{p}.sfapi.client-id", site.Sfapi.ClientId, "the Superfacility API client id");
                Required(errors, $"{p}.sfapi.private-key-file", site.Sfapi.PrivateKeyFile, "path of the client's PEM private key");
                AbsoluteUrl(errors, $"{p}.sfapi.api-url", site.Sfapi.ApiUrl);
                AbsoluteUrl(errors, $"{p}.sfapi.token-url", site.Sfapi.TokenUrl);
                Positive(errors, $"{p}.sfapi.task-poll-interval", site.Sfapi.TaskPollInterval);
                Positive(errors, $"{p}.sfapi.task-timeout", site.Sfapi.TaskTimeout);
                Positive(errors, $"{p}.sfapi.request-timeout", site.Sfapi.RequestTimeout);
                Positive(errors, $"{p}.sfapi.assertion-lifetime", site.Sfapi.AssertionLifetime);
                if (site.Sfapi.TokenRefreshMargin < TimeSpan.Zero || site.Sfapi.TokenRefreshMargin >= site.Sfapi.AssertionLifetime)
                {
                    errors.Add($"{p}.sfapi.token-refresh-margin: {site.Sfapi.TokenRefreshMargin} must be between 0 and assertion-lifetime ({site.Sfapi.AssertionLifetime})");
                }

                break;
            default:
                break;
        }
    }

    private static void OnlyFor(List<string> errors, string path, string value, bool applies, string systems)
    {
        if (!applies && !string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: only used by {systems}; remove it or change batch-system");
        }
    }

    private static void Required(List<string> errors, string path, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: required for sfapi ({what})");
        }
    }

    private static void AbsoluteUrl(List<string> errors, string path, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors.Add($"{path}: '{value}' is not an http(s) URL");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SiteName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.]{0,23}$")]
    private static partial Regex TagPattern();
}
