using Microsoft.Extensions.Options;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// Start-up validation: one message per bad setting, each naming its HOCON path, e.g.
/// <c>condoractors.sites.slurm-a.batch-system: 'slurmm' is not one of slurm, pbs, cobalt, sfapi, local</c>.
/// </summary>
public sealed partial class CondorActorsOptionsValidator :
    IValidateOptions<CondorActorsSettings>,
    IValidateOptions<JournalSettings>,
    IValidateOptions<HttpSettings>,
    IValidateOptions<CondorSettings>,
    IValidateOptions<AuthSettings>,
    IValidateOptions<ApiSettings>,
    IValidateOptions<SitesSettings>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CondorActorsSettings options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, JournalSettings options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, HttpSettings options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CondorSettings options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AuthSettings options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ApiSettings options) => Result(Check(options));

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SitesSettings options) => Result(Check(options));

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    internal static List<string> Check(CondorActorsSettings o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.DataDir))
        {
            errors.Add("condoractors.data-dir: must not be empty");
        }

        return errors;
    }

    internal static List<string> Check(JournalSettings o)
    {
        const string p = "condoractors.journal";
        var errors = new List<string>();
        OneOf(errors, $"{p}.provider", o.Provider, JournalSettings.Providers);
        if (o.Provider == "postgresql" && string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            errors.Add($"{p}.connection-string: required when provider is postgresql");
        }

        return errors;
    }

    internal static List<string> Check(HttpSettings o)
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

        if (o.MaxRequestBodySize < 1)
        {
            errors.Add("condoractors.http.max-request-body-size: must be at least 1 byte");
        }

        if (o.RequestTimeout < TimeSpan.Zero)
        {
            errors.Add("condoractors.http.request-timeout: must not be negative");
        }

        if (o.MaxJsonDepth is < 1 or > 256)
        {
            errors.Add($"condoractors.http.max-json-depth: {o.MaxJsonDepth} is not between 1 and 256");
        }

        return errors;
    }

    internal static List<string> Check(AuthSettings o)
    {
        const string p = "condoractors.auth";
        var errors = new List<string>();
        if (o.TokenRefreshInterval < TimeSpan.Zero)
        {
            errors.Add($"{p}.token-refresh-interval: must not be negative");
        }

        AtLeast(errors, $"{p}.rate-limits.read-per-minute", o.RateLimits.ReadPerMinute, 0);
        AtLeast(errors, $"{p}.rate-limits.write-per-minute", o.RateLimits.WritePerMinute, 0);
        AtLeast(errors, $"{p}.rate-limits.burst", o.RateLimits.Burst, 1);
        return errors;
    }

    internal static List<string> Check(CondorSettings o)
    {
        const string p = "condoractors.condor";
        var errors = new List<string>();
        OneOf(errors, $"{p}.backend", o.Backend, CondorSettings.Backends);
        Positive(errors, $"{p}.command-timeout", o.CommandTimeout);
        Positive(errors, $"{p}.query-timeout", o.QueryTimeout);
        if (o.QueryCacheTtl < TimeSpan.Zero)
        {
            errors.Add($"{p}.query-cache-ttl: must not be negative");
        }

        AtLeast(errors, $"{p}.max-concurrent-commands", o.MaxConcurrentCommands, 1);
        AtLeast(errors, $"{p}.query-cache-max-ads", o.QueryCacheMaxAds, 0);
        AtLeast(errors, $"{p}.query-cache-max-entries", o.QueryCacheMaxEntries, 1);
        if (o.MaxOutputSize < 1024)
        {
            errors.Add($"{p}.max-output-size: {o.MaxOutputSize} bytes is too small (at least 1 KiB)");
        }

        AtLeast(errors, $"{p}.simulated.seed-jobs", o.Simulated.SeedJobs, 0);
        AtLeast(errors, $"{p}.simulated.slots", o.Simulated.Slots, 0);
        if (o.Simulated.NegotiationInterval < TimeSpan.Zero)
        {
            errors.Add($"{p}.simulated.negotiation-interval: must not be negative");
        }

        return errors;
    }

    internal static List<string> Check(ApiSettings o)
    {
        const string p = "condoractors.api";
        var errors = new List<string>();
        AtLeast(errors, $"{p}.max-results", o.MaxResults, 0);
        AtLeast(errors, $"{p}.max-page-size", o.MaxPageSize, 1);
        if (o.RetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{p}.retry-after: must not be negative");
        }

        return errors;
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

    private static void AtLeast(List<string> errors, string path, int value, int minimum)
    {
        if (value < minimum)
        {
            errors.Add(minimum == 0 ? $"{path}: {value} must not be negative" : $"{path}: {value} must be at least {minimum}");
        }
    }
}
