using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>
/// <c>/v1/config[/{param}]?daemon=</c>: the configuration as an object of lower-cased names to
/// values, or one value; with <c>daemon</c> the running daemon of that kind is asked.
/// </summary>
internal static class ConfigApi
{
    private static readonly Dictionary<string, CondorDaemonKind> Daemons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["collector"] = CondorDaemonKind.Collector,
        ["master"] = CondorDaemonKind.Master,
        ["negotiator"] = CondorDaemonKind.Negotiator,
        ["schedd"] = CondorDaemonKind.Schedd,
        ["startd"] = CondorDaemonKind.Startd,
    };

    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/config").WithTags("Config");
        group.MapGet("/", GetAllAsync)
            .WithName("GetConfig").WithSummary("Every configuration value, by lower-cased name.");
        group.MapGet("/{param}", GetOneAsync)
            .WithName("GetConfigValue").WithSummary("One configuration value; 404 when it is not defined.");
        return endpoints;
    }

    private static async Task<Results<JsonBodyResult, ProblemHttpResult>> GetAllAsync(HttpContext http, string? daemon, CondorQueries queries, ApiServices api)
    {
        if (Daemon(daemon, out var kind) is { } problem)
        {
            return problem;
        }

        try
        {
            var values = await queries.ReadConfigAsync(new ConfigQuery { Daemon = kind }, http.RequestAborted).ConfigureAwait(false);
            var sorted = values.Select(pair => (Name: pair.Key.ToLowerInvariant(), pair.Value)).OrderBy(pair => pair.Name, StringComparer.Ordinal).ToList();
            return JsonBodyResult.Of(writer =>
            {
                writer.WriteStartObject();
                foreach (var (name, value) in sorted)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            });
        }
        catch (CondorException error)
        {
            return ApiProblems.FromCondor(error, http, api.Options, daemon ?? "configuration");
        }
    }

    private static async Task<Results<JsonBodyResult, ProblemHttpResult>> GetOneAsync(HttpContext http, string param, string? daemon, CondorQueries queries, ApiServices api)
    {
        if (ParsedParameters.First(ParsedParameters.Attribute("param", param), Daemon(daemon, out var kind)) is { } problem)
        {
            return problem;
        }

        try
        {
            var values = await queries.ReadConfigAsync(new ConfigQuery { Names = [param], Daemon = kind }, http.RequestAborted).ConfigureAwait(false);
            return values.TryGetValue(param, out var value)
                ? JsonBodyResult.Of(writer => writer.WriteStringValue(value))
                : ApiProblems.NotFound($"Undefined attribute: {param}");
        }
        catch (CondorException error)
        {
            return ApiProblems.FromCondor(error, http, api.Options, daemon ?? "configuration");
        }
    }

    private static ProblemHttpResult? Daemon(string? text, out CondorDaemonKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Daemons.TryGetValue(text.Trim(), out var found))
        {
            kind = found;
            return null;
        }

        return ApiProblems.InvalidParameter("daemon", $"Invalid daemon: {text} (one of {string.Join(", ", Daemons.Keys)})");
    }
}
