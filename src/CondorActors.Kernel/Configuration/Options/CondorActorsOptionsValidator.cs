using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// Start-up validation: one message per bad setting, each naming its HOCON path, e.g.
/// <c>condoractors.sites.slurm-a.batch-system: 'slurmm' is not one of slurm, pbs, cobalt, sfapi, local</c>.
/// </summary>
public sealed partial class CondorActorsOptionsValidator :
    IValidateOptions<CondorActorsOptions>,
    IValidateOptions<JournalOptions>,
    IValidateOptions<HttpOptions>,
    IValidateOptions<CondorOptions>,
    IValidateOptions<AuthOptions>,
    IValidateOptions<SitesOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CondorActorsOptions options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, JournalOptions options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, HttpOptions options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CondorOptions options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AuthOptions options) => ValidateOptionsResult.Success;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SitesOptions options) => Result(Check(options));

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    internal static List<string> Check(CondorActorsOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.DataDir))
        {
            errors.Add("condoractors.data-dir: must not be empty");
        }

        return errors;
    }

    internal static List<string> Check(JournalOptions o)
    {
        const string p = "condoractors.journal";
        var errors = new List<string>();
        OneOf(errors, $"{p}.provider", o.Provider, JournalOptions.Providers);
        if (o.Provider == "postgresql" && string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            errors.Add($"{p}.connection-string: required when provider is postgresql");
        }

        return errors;
    }

    internal static List<string> Check(HttpOptions o)
    {
        var errors = new List<string>();
        var urls = o.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            errors.Add("condoractors.http.urls: must name at least one URL");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"condoractors.http.urls: '{url}' is not an http:// or https:// URL");
            }
        }

        return errors;
    }

    internal static List<string> Check(CondorOptions o)
    {
        const string p = "condoractors.condor";
        var errors = new List<string>();
        OneOf(errors, $"{p}.backend", o.Backend, CondorOptions.Backends);
        Positive(errors, $"{p}.command-timeout", o.CommandTimeout);
        if (o.QueryCacheTtl < TimeSpan.Zero)
        {
            errors.Add($"{p}.query-cache-ttl: must not be negative");
        }

        if (o.MaxConcurrentCommands < 1)
        {
            errors.Add($"{p}.max-concurrent-commands: {o.MaxConcurrentCommands} must be at least 1");
        }

        if (o.MaxOutputSize < 1024)
        {
            errors.Add($"{p}.max-output-size: {o.MaxOutputSize} bytes is too small (at least 1 KiB)");
        }

        return errors;
    }

    internal static List<string> Check(SitesOptions o)
    {
        var errors = new List<string>();
        foreach (var (name, site) in o.Sites)
        {
            var p = "condoractors.sites." + name;
            if (!SiteName().IsMatch(name))
            {
                errors.Add($"{p}: site name '{name}' must be lower-case letters, digits and '-' (it appears in glidein ids and CONDORACTORS__SITES__... variables)");
            }

            if (string.IsNullOrEmpty(site.BatchSystem))
            {
                errors.Add($"{p}.batch-system: required (one of {string.Join(", ", SiteOptions.BatchSystems)})");
                continue;
            }

            OneOf(errors, $"{p}.batch-system", site.BatchSystem, SiteOptions.BatchSystems);
            if (site.MaxGlideins < 0)
            {
                errors.Add($"{p}.max-glideins: {site.MaxGlideins} must not be negative");
            }

            if (site.NodesPerJob < 1)
            {
                errors.Add($"{p}.nodes-per-job: {site.NodesPerJob} must be at least 1");
            }

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

            CheckBatchSystem(errors, p, site);
        }

        return errors;
    }

    private static void CheckBatchSystem(List<string> errors, string p, SiteOptions site)
    {
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
                break;
            default:
                break;
        }
    }

    private static void Required(List<string> errors, string path, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: required for sfapi ({what})");
        }
    }

    private static void OneOf(List<string> errors, string path, string value, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add($"{path}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    private static void Positive(List<string> errors, string path, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{path}: {value} must be positive");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SiteName();
}
