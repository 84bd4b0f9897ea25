using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Server.Api;

namespace CondorActors.Server.Hosting;

/// <summary>
/// The options of each area, read from <c>condoractors:*</c> (HOCON <c>condoractors { ... }</c>).
/// Key names follow <c>hocon/reference.conf</c> where it has them; docs/api.md lists them all.
/// </summary>
internal static class ServerSettings
{
    private const string Condor = "condoractors:condor:";
    private const string Api = "condoractors:api:";

    public static CondorOptions CondorOptions(IConfiguration configuration) => new()
    {
        Backend = ConfigValues.Text(configuration, Condor + "backend") ?? "auto",
        Binaries = BinariesPath(configuration),
        CommandTimeout = ConfigValues.Duration(configuration, Condor + "command-timeout", Domain.Condor.CondorOptions.DefaultCommandTimeout),
        Schedd = ConfigValues.Text(configuration, Condor + "schedd"),
        Pool = ConfigValues.Text(configuration, Condor + "pool"),
    };

    /// <summary><c>binaries-path</c> (reference.conf) or its older spelling <c>binaries</c>.</summary>
    public static string? BinariesPath(IConfiguration configuration) =>
        ConfigValues.Text(configuration, Condor + "binaries-path") ?? ConfigValues.Text(configuration, Condor + "binaries");

    public static QueryOptions QueryOptions(IConfiguration configuration)
    {
        var defaults = new QueryOptions();
        return new QueryOptions
        {
            CacheTtl = ConfigValues.Duration(configuration, Condor + "query-cache-ttl", defaults.CacheTtl),
            Coalesce = ConfigValues.Boolean(configuration, Condor + "coalesce-queries", defaults.Coalesce),
            MaxConcurrentCommands = ConfigValues.Integer(configuration, Condor + "max-concurrent-commands", defaults.MaxConcurrentCommands),
            QueryTimeout = ConfigValues.Duration(configuration, Condor + "query-timeout", defaults.QueryTimeout),
            MaxSharedAds = ConfigValues.Integer(configuration, Condor + "query-cache-max-ads", defaults.MaxSharedAds),
            MaxCacheEntries = ConfigValues.Integer(configuration, Condor + "query-cache-max-entries", defaults.MaxCacheEntries),
        }.Validate();
    }

    public static SimulatedPoolOptions SimulatedOptions(IConfiguration configuration)
    {
        var defaults = new SimulatedPoolOptions();
        return new SimulatedPoolOptions
        {
            SeedJobs = ConfigValues.Integer(configuration, Condor + "simulated:seed-jobs", defaults.SeedJobs),
            Slots = ConfigValues.Integer(configuration, Condor + "simulated:slots", defaults.Slots),
        };
    }

    public static ApiOptions ApiOptions(IConfiguration configuration)
    {
        var defaults = new ApiOptions();
        return new ApiOptions
        {
            RedactedJobAttributes = ConfigValues.List(configuration, Api + "redact-job-attributes"),
            MaxResults = ConfigValues.Integer(configuration, Api + "max-results", defaults.MaxResults),
            MaxPageSize = ConfigValues.Integer(configuration, Api + "max-page-size", defaults.MaxPageSize),
            CorsAllowedOrigins = ConfigValues.List(configuration, Api + "cors:allowed-origins"),
            RetryAfter = ConfigValues.Duration(configuration, Api + "retry-after", defaults.RetryAfter),
            CursorKey = ConfigValues.Text(configuration, Api + "cursor-key"),
        }.Validate();
    }
}
