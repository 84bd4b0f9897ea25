using CondorActors.Domain.Condor.Submit;

namespace CondorActors.Server.Hosting;

/// <summary>The submit options from <c>condoractors.submit.*</c> (see hocon/reference.conf and docs/api-writes.md).</summary>
internal static class SubmitSettings
{
    private const string Submit = "condoractors:submit:";

    public static SubmitOptions From(IConfiguration configuration)
    {
        var defaults = new SubmitOptions();
        var dataDir = ConfigValues.Text(configuration, "condoractors:data-dir") ?? "./data";
        var workingRoot = ConfigValues.Text(configuration, Submit + "working-root") ?? Path.Combine(dataDir, "work");
        return new SubmitOptions
        {
            MaxCount = ConfigValues.Integer(configuration, Submit + "max-count", defaults.MaxCount),
            WorkingRoot = Path.GetFullPath(workingRoot),
            AllowedRoots = ConfigValues.List(configuration, Submit + "allowed-roots"),
            AllowedExtraCommands = ConfigValues.List(configuration, Submit + "allowed-extra-commands"),
            AllowedUniverses = ConfigValues.List(configuration, Submit + "allowed-universes") is { Count: > 0 } universes ? universes : defaults.AllowedUniverses,
            MaxBodyBytes = ConfigValues.Integer(configuration, Submit + "max-body-bytes", defaults.MaxBodyBytes),
            MaxJsonDepth = ConfigValues.Integer(configuration, Submit + "max-json-depth", defaults.MaxJsonDepth),
            IdempotencyWindow = ConfigValues.Duration(configuration, Submit + "idempotency-window", defaults.IdempotencyWindow),
            MaxConcurrentWrites = ConfigValues.Integer(configuration, Submit + "max-concurrent-writes", defaults.MaxConcurrentWrites),
        }.Validate();
    }
}
