using System.Text.Json;
using CondorActors.Domain.Glideins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api.Glideins;

/// <summary><c>GET /v1/sites</c>, <c>POST /v1/sites/{site}/glideins</c> and the old <c>POST /worker/{site}</c>.</summary>
internal static class SiteHandlers
{
    /// <summary>Largest request body (a few numbers and up to 64 short attributes).</summary>
    public const int MaxBodyBytes = 128 * 1024;

    public static async Task<Ok<IReadOnlyList<SiteView>>> ListSitesAsync(GlideinSites sites, CancellationToken cancellationToken)
    {
        var views = new List<SiteView>();
        foreach (var site in sites.Sites)
        {
            var summary = await sites.GetSummaryAsync(site.Settings.Name, cancellationToken).ConfigureAwait(false);
            var counts = Enum.GetValues<GlideinPhase>().ToDictionary(p => p.ToString(), p => summary.Glideins.Values.Count(v => v == p));
            views.Add(View(site.Settings, site.Batch.Kind, site.Settings.Enabled ? null : "disabled in the configuration (enabled = false)", summary.Live, counts));
        }

        return TypedResults.Ok<IReadOnlyList<SiteView>>([.. views.OrderBy(v => v.Site, StringComparer.Ordinal)]);
    }

    public static async Task<Results<Accepted<GlideinsRequestedView>, ProblemHttpResult>> RequestAsync(
        HttpContext http, string site, GlideinSites sites, CancellationToken cancellationToken)
    {
        var body = await RequestBodies.ReadAsync(http.Request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.InvalidParameter("body", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            // No body at all asks for one glidein with the site's defaults.
            document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        }
        catch (JsonException e)
        {
            return ApiProblems.InvalidParameter("body", "The body is not valid JSON: " + e.Message);
        }

        using (document)
        {
            return await RequestAsync(http, site, document.RootElement, sites, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The old deployment's route: one worker (glidein) with the site's defaults.</summary>
    public static Task<Results<Accepted<GlideinsRequestedView>, ProblemHttpResult>> StartWorkerAsync(
        HttpContext http, string site, GlideinSites sites, CancellationToken cancellationToken)
    {
        using var empty = JsonDocument.Parse("{}");
        return RequestAsync(http, site, empty.RootElement.Clone(), sites, cancellationToken);
    }

    private static async Task<Results<Accepted<GlideinsRequestedView>, ProblemHttpResult>> RequestAsync(
        HttpContext http, string site, JsonElement json, GlideinSites sites, CancellationToken cancellationToken)
    {
        if (sites.Find(site) is not { } context)
        {
            return GlideinProblems.UnknownSite(site);
        }

        if (GlideinRequestBody.Parse(json, context.Settings, out var refusal) is not var (count, spec))
        {
            return GlideinProblems.Refused(refusal!);
        }

        var answer = await sites.RequestAsync(site, count, spec, cancellationToken).ConfigureAwait(false);
        switch (answer)
        {
            case GlideinsRequested requested:
                var ids = requested.GlideinIds;
                var location = ids.Length == 1 ? $"/v1/glideins/{ids[0]}" : $"/v1/glideins?site={site}";
                http.Response.Headers.Location = location;
                return TypedResults.Accepted(location, new GlideinsRequestedView(site, ids, GlideinSpecView.Of(spec)));
            case GlideinRequestRejected rejected:
                // Limits on the body were checked above; what is left is room on the site.
                return GlideinProblems.Conflict("count", rejected.Reason);
            case SiteDisabled:
                return GlideinProblems.Conflict("site", $"Site {site} is disabled (enabled = false): it takes no new glideins.");
            default:
                return GlideinProblems.UnknownSite(site);
        }
    }

    private static SiteView View(GlideinSiteSettings settings, string batchSystem, string? unavailable, int live, IReadOnlyDictionary<string, int> counts) => new(
        settings.Name,
        batchSystem,
        settings.Enabled,
        unavailable is null,
        unavailable,
        new SiteLimitsView(settings.MaxGlideins, settings.MaxNodesPerJob, settings.MaxSlotsPerNode, (long)settings.MaxWalltime.TotalSeconds),
        GlideinSpecView.Of(settings.Defaults),
        live,
        counts);
}
