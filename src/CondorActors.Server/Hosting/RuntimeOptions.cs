using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Condor.Submit;
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

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
