using System.Collections.Immutable;
using CondorActors.Domain.Batch.Cobalt;
using CondorActors.Domain.Batch.Local;
using CondorActors.Domain.Batch.Pbs;
using CondorActors.Domain.Batch.Sfapi;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Kernel.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CondorActors.Domain.Batch;

/// <summary>
/// Creates the <see cref="IBatchSystem"/> of a configured site from its bound settings
/// (<c>condoractors.sites.&lt;name&gt;</c>): the one place where <see cref="SiteSettings"/> become
/// the adapters' option records. A site that fails validation is refused with the same
/// messages (HOCON paths) start-up validation gives.
/// </summary>
public sealed class BatchSystemFactory
{
    private readonly IProcessRunner _runner;
    private readonly Func<HttpClient> _createHttpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory? _loggerFactory;

    /// <param name="runner">Runs the batch commands (slurm, pbs, cobalt).</param>
    /// <param name="dataDir"><c>condoractors.data-dir</c>: the local adapter's jobs live in <c>{dataDir}/batch/&lt;site&gt;</c>.</param>
    /// <param name="createHttpClient">HTTP client for an sfapi site; default a new <see cref="HttpClient"/>.</param>
    /// <param name="timeProvider">Clock for retries and polling; default the system clock.</param>
    /// <param name="loggerFactory">Loggers for adapters that log.</param>
    public BatchSystemFactory(
        IProcessRunner runner,
        string dataDir,
        Func<HttpClient>? createHttpClient = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        _runner = runner;
        DataDir = dataDir;
        _createHttpClient = createHttpClient ?? (() => new HttpClient());
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory;
    }

    /// <summary><c>condoractors.data-dir</c>.</summary>
    public string DataDir { get; }

    /// <summary>The adapter for site <paramref name="siteName"/>.</summary>
    /// <exception cref="OptionsValidationException">The site's settings are invalid; one message per bad setting.</exception>
    public IBatchSystem Create(string siteName, SiteSettings site)
    {
        ThrowIfInvalid(siteName, site);
        return site.BatchSystem switch
        {
            "slurm" => new SlurmBatchSystem(SlurmOptions(siteName, site), _runner, _timeProvider, _loggerFactory?.CreateLogger<SlurmBatchSystem>()),
            "pbs" => new PbsBatchSystem(PbsOptions(siteName, site), _runner, _timeProvider),
            "cobalt" => new CobaltBatchSystem(CobaltOptions(siteName, site), _runner, _timeProvider),
            "sfapi" => new SfapiBatchSystem(SfapiOptions(siteName, site), _createHttpClient(), _timeProvider),
            "local" => new LocalBatchSystem(LocalOptions(siteName, site), _timeProvider),
            _ => throw new InvalidOperationException($"unreachable: batch-system '{site.BatchSystem}' passed validation"),
        };
    }

    internal static SlurmSiteOptions SlurmOptions(string siteName, SiteSettings site) => new()
    {
        Tag = Tag(siteName, site),
        Partition = Text(site.Partition),
        Account = Text(site.Account),
        Qos = Text(site.Qos),
        Constraint = Text(site.Constraint),
        User = Text(site.User),
        Export = site.Export,
        AllowedExtraDirectives = [.. site.AllowedExtraDirectives],
        SbatchPath = Command(site, "sbatch"),
        SqueuePath = Command(site, "squeue"),
        ScontrolPath = Command(site, "scontrol"),
        SacctPath = Command(site, "sacct"),
        ScancelPath = Command(site, "scancel"),
        JobCompletionLogPath = Text(site.JobCompletionLog),
        Environment = Environment(site),
        CommandTimeout = site.CommandTimeout,
    };

    internal static PbsSiteOptions PbsOptions(string siteName, SiteSettings site) => new()
    {
        Tag = Tag(siteName, site),
        Queue = Text(site.Queue),
        Account = Text(site.Account),
        AllowedExtraDirectives = [.. site.AllowedExtraDirectives],
        QsubPath = Command(site, "qsub"),
        QstatPath = Command(site, "qstat"),
        QdelPath = Command(site, "qdel"),
        Environment = Environment(site),
        CommandTimeout = site.CommandTimeout,
    };

    internal CobaltSiteOptions CobaltOptions(string siteName, SiteSettings site) => new()
    {
        Tag = Tag(siteName, site),
        JobDirectory = Text(site.JobDirectory) ?? SiteDirectory(siteName),
        Queue = Text(site.Queue),
        Project = Text(site.Account),
        User = Text(site.User),
        AllowedExtraDirectives = [.. site.AllowedExtraDirectives],
        QsubPath = Command(site, "qsub"),
        QstatPath = Command(site, "qstat"),
        QdelPath = Command(site, "qdel"),
        Environment = Environment(site),
        CommandTimeout = site.CommandTimeout,
    };

    internal static SfapiSiteOptions SfapiOptions(string siteName, SiteSettings site) => new()
    {
        Tag = Tag(siteName, site),
        Machine = site.Sfapi.Machine.Trim(),
        KeyFile = site.Sfapi.PrivateKeyFile.Trim(),
        ClientId = Text(site.Sfapi.ClientId),

        // Relative paths (jobs/..., tasks/...) resolve below the base only when it ends with '/'.
        ApiBaseUrl = new Uri(site.Sfapi.ApiUrl.TrimEnd('/') + "/"),
        TokenUrl = new Uri(site.Sfapi.TokenUrl),
        User = Text(site.User),
        Partition = Text(site.Partition),
        Account = Text(site.Account),
        Qos = Text(site.Qos),
        Constraint = Text(site.Constraint),
        AllowedExtraDirectives = [.. site.AllowedExtraDirectives],
        Export = site.Export,
        TaskPollInterval = site.Sfapi.TaskPollInterval,
        TaskTimeout = site.Sfapi.TaskTimeout,
        RequestTimeout = site.Sfapi.RequestTimeout,
        AssertionLifetime = site.Sfapi.AssertionLifetime,
        TokenRefreshMargin = site.Sfapi.TokenRefreshMargin,
    };

    internal LocalSiteOptions LocalOptions(string siteName, SiteSettings site) => new()
    {
        Tag = Tag(siteName, site),
        StateDirectory = SiteDirectory(siteName),
        MaxRunning = site.MaxRunning > 0 ? site.MaxRunning : System.Environment.ProcessorCount,
        NewSession = site.NewSession,
        KillGracePeriod = site.KillGracePeriod,
    };

    /// <summary><c>{data-dir}/batch/&lt;site&gt;</c>.</summary>
    internal string SiteDirectory(string siteName) => Path.Combine(DataDir, "batch", siteName);

    private static void ThrowIfInvalid(string siteName, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(siteName);
        ArgumentNullException.ThrowIfNull(site);
        var errors = CondorActorsOptionsValidator.CheckSite(siteName, site);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(siteName, typeof(SiteSettings), errors);
        }
    }

    private static BatchJobTag Tag(string siteName, SiteSettings site) => new(site.EffectiveTag(siteName));

    private static string? Text(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Command(SiteSettings site, string program) =>
        string.IsNullOrWhiteSpace(site.Binaries) ? program : Path.Combine(site.Binaries.Trim(), program);

    private static ImmutableDictionary<string, string?> Environment(SiteSettings site) =>
        site.Environment.ToImmutableDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
}
