using CondorActors.Server.Security;

namespace CondorActors.Server.Api.Glideins;

/// <summary>
/// The glidein routes, all under scope <c>glideins</c> (admin implies it): <c>GET /v1/sites</c>,
/// <c>POST /v1/sites/{site}/glideins</c>, <c>GET /v1/glideins[?site&amp;state]</c>,
/// <c>GET|DELETE /v1/glideins/{id}</c>, <c>GET /v1/glideins/{id}/logs</c>, and the old
/// deployment's <c>POST /worker/{site}</c>. Handlers translate HTTP to site and glidein messages.
/// </summary>
internal static class GlideinsApi
{
    public static IEndpointRouteBuilder MapGlideinsApi(this IEndpointRouteBuilder endpoints)
    {
        var sites = endpoints.MapGroup("/v1/sites").WithTags("Glideins").RequireAuthorization(SecuritySetup.GlideinsPolicy);
        sites.MapGet("/", SiteHandlers.ListSitesAsync)
            .WithName("GetSites").WithSummary("Every configured site: batch system, enabled, limits, request defaults, glideins counted by state.");
        sites.MapPost("/{site}/glideins", SiteHandlers.RequestAsync)
            .WithName("RequestGlideins")
            .WithSummary("Asks a site for glideins: {count, nodes, slots_per_node, walltime (\"2h\" or seconds), mode (split|pilot), attributes}; 202 with their ids.")
            .Accepts<GlideinRequestDocument>("application/json");

        var glideins = endpoints.MapGroup("/v1/glideins").WithTags("Glideins").RequireAuthorization(SecuritySetup.GlideinsPolicy);
        glideins.MapGet("/", GlideinHandlers.ListAsync)
            .WithName("GetGlideins").WithSummary("Glideins not yet cleaned up, optionally of one site and in one state.");
        glideins.MapGet("/{id}", GlideinHandlers.GetAsync)
            .WithName("GetGlidein").WithSummary("One glidein: state, batch job, startd names, claimed jobs and its full transition history.");
        glideins.MapDelete("/{id}", GlideinHandlers.StopAsync)
            .WithName("StopGlidein").WithSummary("Drains a glidein (?deadline=10m, default from the site) or kills it now (?force=true); 202.");
        glideins.MapGet("/{id}/logs", GlideinHandlers.LogsAsync)
            .WithName("GetGlideinLogs").WithSummary("Without file: the files of the glidein's log/ and batch/ folders with sizes. With file=<relative path>[&tail=<lines>]: that file's text.");

        endpoints.MapPost("/worker/{site}", SiteHandlers.StartWorkerAsync).WithTags("Glideins").RequireAuthorization(SecuritySetup.GlideinsPolicy)
            .WithName("StartWorkerCompat").WithSummary("The old deployment's route: starts one worker (glidein) on the site with its defaults.");
        return endpoints;
    }
}

/// <summary>The request body's shape, for the OpenAPI document (the handler reads the JSON itself, to name a bad key).</summary>
internal sealed record GlideinRequestDocument(
    int? Count,
    int? Nodes,
    [property: System.Text.Json.Serialization.JsonPropertyName("slots_per_node")] int? SlotsPerNode,
    string? Walltime,
    string? Mode,
    IReadOnlyDictionary<string, string>? Attributes);
