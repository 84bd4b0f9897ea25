using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Condor.Submit;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Kernel.Persistence;
using CondorActors.Server.Api;

namespace CondorActors.Server.Hosting;

/// <summary>
/// The one place where the bound, validated settings (<c>*Settings</c>, HOCON keys) become the
/// immutable <c>*Options</c> records the components take. Sites are turned into batch adapters
/// by <c>BatchSystemFactory</c> (Domain), from the same settings.
/// </summary>
internal static class RuntimeOptions
{
    /// <summary><c>condoractors.data-dir</c> and <c>condoractors.journal.*</c>.</summary>
    public static JournalOptions Journal(CondorActorsSettingsSet settings) => new()
    {
        DataDir = settings.Root.DataDir,
        Provider = settings.Journal.Provider,
        ConnectionString = NullIfEmpty(settings.Journal.ConnectionString),
        GroupCommit = settings.Journal.GroupCommit,
    };

    /// <summary>The gateway's part of <c>condoractors.condor.*</c>.</summary>
    public static CondorOptions Gateway(CondorSettings condor) => new()
    {
        Backend = condor.Backend,
        Binaries = NullIfEmpty(condor.Binaries),
        CommandTimeout = condor.CommandTimeout,
        Schedd = NullIfEmpty(condor.Schedd),
        Pool = NullIfEmpty(condor.Pool),
        CondorConfig = NullIfEmpty(condor.ConfigFile),
        MaxOutputBytes = condor.MaxOutputSize,
    };

    /// <summary>The query actor's part of <c>condoractors.condor.*</c>.</summary>
    public static QueryOptions Queries(CondorSettings condor) => new QueryOptions
    {
        CacheTtl = condor.QueryCacheTtl,
        Coalesce = condor.CoalesceQueries,
        MaxConcurrentCommands = condor.MaxConcurrentCommands,
        QueryTimeout = condor.QueryTimeout,
        MaxSharedAds = condor.QueryCacheMaxAds,
        MaxCacheEntries = condor.QueryCacheMaxEntries,
    }.Validate();

    /// <summary><c>condoractors.condor.simulated.*</c>.</summary>
    public static SimulatedPoolOptions SimulatedPool(CondorSettings condor) => new()
    {
        SeedJobs = condor.Simulated.SeedJobs,
        Slots = condor.Simulated.Slots,
    };

    /// <summary><c>condoractors.api.*</c>.</summary>
    public static ApiOptions Api(ApiSettings api) => new ApiOptions
    {
        RedactedJobAttributes = [.. api.RedactJobAttributes],
        MaxResults = api.MaxResults,
        MaxPageSize = api.MaxPageSize,
        CorsAllowedOrigins = [.. api.Cors.AllowedOrigins],
        RetryAfter = api.RetryAfter,
        CursorKey = NullIfEmpty(api.CursorKey),
    }.Validate();

    /// <summary><c>condoractors.submit.*</c>; the working root defaults to <c>{data-dir}/work</c>.</summary>
    public static SubmitOptions Submit(CondorActorsSettingsSet settings)
    {
        var submit = settings.Submit;
        var defaults = new SubmitOptions();
        return new SubmitOptions
        {
            MaxCount = submit.MaxCount,
            WorkingRoot = Path.GetFullPath(NullIfEmpty(submit.WorkingRoot) ?? Path.Combine(settings.Root.DataDir, "work")),
            AllowedRoots = [.. submit.AllowedRoots],
            AllowedExtraCommands = [.. submit.AllowedExtraCommands],
            AllowedUniverses = submit.AllowedUniverses.Count > 0 ? [.. submit.AllowedUniverses] : defaults.AllowedUniverses,
            MaxBodyBytes = submit.MaxBodyBytes,
            MaxJsonDepth = submit.MaxJsonDepth,
            IdempotencyWindow = submit.IdempotencyWindow,
            MaxConcurrentWrites = submit.MaxConcurrentWrites,
        }.Validate();
    }

    /// <summary>
    /// <c>condoractors.sites.&lt;name&gt;.*</c> as the glidein runtime's settings (the batch adapter is
    /// made from the same settings by <c>BatchSystemFactory</c>). <paramref name="self"/> is how this
    /// executable is started (<see cref="SelfCommand"/>): an empty <c>hpc-half-command</c> runs its
    /// <c>hpc-half</c> sub-command.
    /// </summary>
    public static GlideinSiteSettings GlideinSite(string name, SiteSettings site, CondorActorsSettingsSet settings, IReadOnlyList<string> self)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(self);
        return new GlideinSiteSettings
        {
            Name = name,
            DataDirectory = Path.GetFullPath(settings.Root.DataDir),
            Enabled = site.Enabled,
            Defaults = new GlideinSpec
            {
                Nodes = site.NodesPerJob,
                SlotsPerNode = site.SlotsPerNode,
                Walltime = site.Walltime,
                Mode = site.Mode == "pilot" ? GlideinMode.Pilot : GlideinMode.Split,
            },
            DrainDeadline = site.DrainDeadline,
            PollInterval = site.PollInterval,
            HeartbeatTimeout = site.HeartbeatTimeout,
            MaxGlideins = site.MaxGlideins,
            MaxNodesPerJob = site.MaxNodesPerJob,
            MaxSlotsPerNode = site.MaxSlotsPerNode,
            MaxWalltime = site.MaxWalltime,
            Retention = site.Retention,
            ArchiveDirectory = NullIfEmpty(site.ArchiveDir) is { } archive ? Path.GetFullPath(archive) : null,
            CleanupRetryInitial = site.CleanupRetryInitial,
            CleanupRetryMax = site.CleanupRetryMax,
            StepTimeout = site.StepTimeout,
            MaxConcurrentCommands = site.MaxConcurrentCommands,
            SubmitAttempts = site.SubmitAttempts,
            HpcHalfCommand = site.HpcHalfCommand.Count > 0
                ? [.. site.HpcHalfCommand]
                : [.. self, "hpc-half", "--batch-dir", "{batch_dir}", "--walltime", "{walltime_seconds}"],
            NodeLauncher = [.. site.NodeLauncher],
            CollectorHost = NullIfEmpty(site.CollectorHost) ?? NullIfEmpty(settings.Condor.Pool) ?? "127.0.0.1:9618",
            Security = site.Security == "password" ? GlideinSecurity.PoolPassword : GlideinSecurity.IdTokens,
            BridgeHost = NullIfEmpty(site.BridgeHost) ?? Environment.MachineName,
            BridgeCommand = site.BridgeCommand.Count > 0 ? [.. site.BridgeCommand] : ["condor_startd", "-f"],
        };
    }

    /// <summary>
    /// argv that starts this executable: its apphost (<c>condoractors</c>) when that is what runs,
    /// else <c>dotnet condoractors.dll</c> (<c>dotnet run</c> of the dll, or a test host).
    /// </summary>
    public static IReadOnlyList<string> SelfCommand(string? processPath, string serverAssembly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverAssembly);
        var program = processPath is null ? null : Path.GetFileNameWithoutExtension(processPath);
        if (program == Path.GetFileNameWithoutExtension(serverAssembly))
        {
            return [processPath!];
        }

        var dotnet = program == "dotnet" ? processPath! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return [dotnet, serverAssembly];
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
