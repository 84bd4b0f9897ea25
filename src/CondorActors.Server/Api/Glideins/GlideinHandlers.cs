using System.Globalization;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Glideins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api.Glideins;

/// <summary><c>GET /v1/glideins</c>, <c>GET|DELETE /v1/glideins/{id}</c> and <c>GET /v1/glideins/{id}/logs</c>.</summary>
internal static class GlideinHandlers
{
    /// <summary>Longest wait for the collector and schedd when describing one glidein.</summary>
    private static readonly TimeSpan ObservationTimeout = TimeSpan.FromSeconds(15);

    public static async Task<Results<Ok<IReadOnlyList<GlideinListItemView>>, ProblemHttpResult>> ListAsync(
        string? site, string? state, GlideinSites sites, CancellationToken cancellationToken)
    {
        GlideinPhase? phase = null;
        if (state is not null)
        {
            if (!Enum.TryParse<GlideinPhase>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || state.Any(char.IsAsciiDigit))
            {
                return ApiProblems.InvalidParameter("state", $"state must be one of {string.Join(", ", Enum.GetNames<GlideinPhase>())}.");
            }

            phase = parsed;
        }

        IEnumerable<GlideinSiteContext> selected = sites.Sites;
        if (site is not null)
        {
            if (sites.Find(site) is not { } one)
            {
                return GlideinProblems.UnknownSite(site);
            }

            selected = [one];
        }

        var items = new List<GlideinListItemView>();
        foreach (var context in selected)
        {
            var listing = await sites.ListAsync(context.Settings.Name, cancellationToken).ConfigureAwait(false);
            items.AddRange(listing.Glideins
                .Where(g => phase is null || g.Phase == phase)
                .Select(g => new GlideinListItemView(g.GlideinId, g.Site, g.Phase.ToString(), g.BatchJobId, GlideinSpecView.Of(g.Spec))));
        }

        return TypedResults.Ok<IReadOnlyList<GlideinListItemView>>([.. items.OrderBy(i => i.Id, StringComparer.Ordinal)]);
    }

    public static async Task<Results<Ok<GlideinView>, ProblemHttpResult>> GetAsync(string id, GlideinSites sites, CancellationToken cancellationToken)
    {
        if (await sites.FindGlideinAsync(id, cancellationToken).ConfigureAwait(false) is not { } glidein || sites.Find(glidein.Site) is not { } site)
        {
            return GlideinProblems.UnknownGlidein(id);
        }

        // What the pool says now: the startds advertising for it and the jobs running on it.
        IReadOnlyList<string>? startds = null, jobs = null;
        string? error = null;
        if (glidein.Phase != GlideinPhase.CleanedUp)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ObservationTimeout);
            try
            {
                var ads = await site.Condor.QueryGlideinAdsAsync(glidein.Site, id, timeout.Token).ConfigureAwait(false);
                startds = [.. ads.Select(ad => ad.Evaluate("Name").TryGetString(out var name) ? name : null).OfType<string>().Order(StringComparer.Ordinal)];
                var running = await site.Condor.QueryJobsOnAsync(id, timeout.Token).ConfigureAwait(false);
                jobs = [.. running.Select(j => j.Id.ToString())];
            }
            catch (Exception e) when (e is CondorException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = e is OperationCanceledException ? "HTCondor did not answer within 15 s" : e.Message;
            }
        }

        return TypedResults.Ok(new GlideinView(
            glidein.GlideinId,
            glidein.Site,
            glidein.Phase.ToString(),
            glidein.BatchJobId,
            GlideinSpecView.Of(glidein.Spec),
            glidein.RequestedAt,
            glidein.Slots,
            glidein.ClaimedSlots,
            glidein.DrainDeadline,
            glidein.DeathCause?.ToString(),
            glidein.DiedAt,
            [.. glidein.CompletedSteps.Select(s => s.ToString())],
            startds,
            jobs,
            error,
            [.. glidein.History.Select(TransitionView.Of)]));
    }

    public static async Task<Results<Accepted<GlideinStopView>, ProblemHttpResult>> StopAsync(
        HttpContext http, string id, string? deadline, string? force, GlideinSites sites, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!bool.TryParse(force ?? "false", out var forced))
        {
            return ApiProblems.InvalidParameter("force", "force must be true or false.");
        }

        TimeSpan? within = null;
        if (deadline is not null)
        {
            if (forced)
            {
                return ApiProblems.InvalidParameter("deadline", "deadline means nothing with force=true (the glidein is stopped at once).");
            }

            if (ParseDuration(deadline) is not { } parsed)
            {
                return ApiProblems.InvalidParameter("deadline", "deadline must be seconds (600) or a duration with a unit (\"10m\", \"1h\"), between 0 s and 7 days.");
            }

            within = parsed;
        }

        if (await sites.FindGlideinAsync(id, cancellationToken).ConfigureAwait(false) is not { } glidein || sites.Find(glidein.Site) is not { } site)
        {
            return GlideinProblems.UnknownGlidein(id);
        }

        if (!glidein.IsLive)
        {
            return GlideinProblems.Conflict("id", $"Glidein {id} is already {glidein.Phase}; its cleanup runs by itself.");
        }

        var location = $"/v1/glideins/{id}";
        http.Response.Headers.Location = location;
        if (forced)
        {
            sites.Cancel(glidein.Site, id, "stopped by " + Security.Principals.NameOf(http) + " (force)");
            return TypedResults.Accepted(location, new GlideinStopView(id, glidein.Site, "kill", null, glidein.Phase.ToString()));
        }

        if (glidein.Phase == GlideinPhase.Draining)
        {
            // Already draining: the first deadline stands (a DELETE is idempotent).
            return TypedResults.Accepted(location, new GlideinStopView(id, glidein.Site, "drain", glidein.DrainDeadline, glidein.Phase.ToString()));
        }

        var until = time.GetUtcNow() + (within ?? site.Settings.DrainDeadline);
        sites.Drain(glidein.Site, id, until, "drain requested by " + Security.Principals.NameOf(http));
        return TypedResults.Accepted(location, new GlideinStopView(id, glidein.Site, "drain", until, glidein.Phase.ToString()));
    }

    public static async Task<Results<Ok<GlideinLogsView>, ContentHttpResult, ProblemHttpResult>> LogsAsync(
        string id, string? file, string? tail, GlideinSites sites, CancellationToken cancellationToken)
    {
        int? lines = null;
        if (tail is not null)
        {
            if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > GlideinLogFiles.MaxTailLines)
            {
                return ApiProblems.InvalidParameter("tail", $"tail must be a number of lines from 1 to {GlideinLogFiles.MaxTailLines}.");
            }

            lines = count;
        }

        if (await sites.FindGlideinAsync(id, cancellationToken).ConfigureAwait(false) is not { } glidein || sites.Find(glidein.Site) is not { } site)
        {
            return GlideinProblems.UnknownGlidein(id);
        }

        var root = site.FilesOf(id).Root;
        if (file is null)
        {
            return TypedResults.Ok(new GlideinLogsView(id, GlideinLogFiles.List(root)));
        }

        if (GlideinLogFiles.Resolve(root, file, out var refusal) is not { } path)
        {
            return refusal is null ? ApiProblems.NotFound($"No file '{file}' in glidein {id}'s folders.") : ApiProblems.InvalidParameter("file", refusal);
        }

        if (!File.Exists(path))
        {
            return ApiProblems.NotFound($"No file '{file}' in glidein {id}'s folders.");
        }

        var text = await GlideinLogFiles.ReadTailAsync(path, lines, cancellationToken).ConfigureAwait(false);
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }

    /// <summary>Seconds, or a duration with a unit; 0 to 7 days.</summary>
    private static TimeSpan? ParseDuration(string text) =>
        ApiDurations.TryParse(text, out var value) && value >= TimeSpan.Zero && value <= TimeSpan.FromDays(7) ? value : null;
}
