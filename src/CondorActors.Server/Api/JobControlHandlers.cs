using System.Text.Json;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Submit;
using CondorActors.Domain.Condor.Writes;
using CondorActors.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CondorActors.Server.Api;

/// <summary>
/// Remove, hold, release and vacate: a job, a cluster, or (bulk) a constraint. Callers with
/// <c>jobs-admin</c> act on any job; others (<c>submit</c>) only on jobs whose
/// <c>CondorActorsSubmitter</c> is their principal: checked against the schedd before an id
/// action, and ANDed into a bulk constraint.
/// </summary>
internal static class JobControlHandlers
{
    private const int MaxReasonLength = 256;

    public static async Task<Results<JsonBodyResult, ProblemHttpResult>> ActAsync(
        HttpContext http, JobAction action, int cluster, int? proc, CondorWrites writes, ICondorGateway gateway, ApiServices api)
    {
        var admin = Scopes.Has(http, Scopes.JobsAdmin);
        if (!admin && Scopes.Require(http, Scopes.Submit) is { } denied)
        {
            return denied;
        }

        var (reason, badReason) = await ReasonAsync(http, action).ConfigureAwait(false);
        if (badReason is not null)
        {
            return badReason;
        }

        var target = proc is { } p ? JobTarget.Job(cluster, p) : JobTarget.ClusterOf(cluster);
        try
        {
            if (!admin && await CheckOwnershipAsync(http, target, gateway).ConfigureAwait(false) is { } problem)
            {
                return problem;
            }

            return Answer(await writes.ActAsync(action, target, reason, http.RequestAborted).ConfigureAwait(false));
        }
        catch (CondorException error)
        {
            return WriteProblems.FromCondor(error, http, api.Options);
        }
    }

    public static async Task<Results<JsonBodyResult, ProblemHttpResult>> ActOnConstraintAsync(
        HttpContext http, JobAction action, string? constraint, CondorWrites writes, ApiServices api)
    {
        var admin = Scopes.Has(http, Scopes.JobsAdmin);
        if (!admin && Scopes.Require(http, Scopes.Submit) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(constraint))
        {
            return ApiProblems.InvalidParameter("constraint", "A bulk action needs a 'constraint' (e.g. JobStatus == 5); it never acts on every job.");
        }

        if (!ClassAdExpression.TryParse(constraint, out _, out var error))
        {
            return ApiProblems.InvalidParameter("constraint", $"Invalid constraint: {error}", error.Offset);
        }

        var (reason, badReason) = await ReasonAsync(http, action).ConfigureAwait(false);
        if (badReason is not null)
        {
            return badReason;
        }

        // The text parsed as one expression, so wrapping it keeps its meaning; the owner clause cannot be escaped.
        var effective = admin
            ? constraint.Trim()
            : $"(({constraint.Trim()}) =?= true) && {SubmitDescription.SubmitterAttribute} == {ClassAdLiteral.Quote(Principals.NameOf(http))}";
        try
        {
            return Answer(await writes.ActAsync(action, JobTarget.Matching(effective), reason, http.RequestAborted).ConfigureAwait(false));
        }
        catch (CondorException failure)
        {
            return WriteProblems.FromCondor(failure, http, api.Options);
        }
    }

    /// <summary>404 when the target has no job, 403 when any of its jobs belongs to another principal.</summary>
    private static async Task<ProblemHttpResult?> CheckOwnershipAsync(HttpContext http, JobTarget target, ICondorGateway gateway)
    {
        var principal = Principals.NameOf(http);
        var query = new JobQuery { Cluster = target.Cluster, Proc = target.Proc, Projection = [SubmitDescription.SubmitterAttribute] };
        var found = false;

        // Straight from the gateway, not the read cache: a job submitted a moment ago must be found.
        await foreach (var ad in gateway.QueryJobsAsync(query, http.RequestAborted).ConfigureAwait(false))
        {
            found = true;
            if (!ad.Evaluate(SubmitDescription.SubmitterAttribute).TryGetString(out var submitter) || submitter != principal)
            {
                return Scopes.Forbidden($"Job {target} was not submitted by '{principal}'; acting on other principals' jobs needs the jobs-admin scope.");
            }
        }

        return found ? null : ApiProblems.NotFound($"No matching jobs: {target}");
    }

    /// <summary>A hold's reason, from <c>?reason=</c> or a JSON body <c>{"reason": "..."}</c>.</summary>
    private static async Task<(string? Reason, ProblemHttpResult? Problem)> ReasonAsync(HttpContext http, JobAction action)
    {
        string? reason = http.Request.Query["reason"];
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await RequestBodies.ReadAsync(http.Request, 16 * 1024, http.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                return (null, WriteProblems.TooLarge(16 * 1024));
            }

            if (body.Length > 0)
            {
                try
                {
                    using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        return (null, ApiProblems.InvalidParameter("body", "The body must be a JSON object such as {\"reason\": \"...\"}."));
                    }

                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Name != "reason" || property.Value.ValueKind != JsonValueKind.String)
                        {
                            return (null, ApiProblems.InvalidParameter(property.Name, "The body may only have 'reason' (a string)."));
                        }

                        reason = property.Value.GetString();
                    }
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    return (null, ApiProblems.InvalidParameter("body", "The body is not valid JSON."));
                }
            }
        }

        if (reason is null)
        {
            return (null, null);
        }

        if (action != JobAction.Hold)
        {
            return (null, ApiProblems.InvalidParameter("reason", "Only a hold takes a reason."));
        }

        return reason.Length > MaxReasonLength || reason.Any(char.IsControl) || reason.Length == 0
            ? (null, ApiProblems.InvalidParameter("reason", $"'reason' must be 1 to {MaxReasonLength} characters without control characters."))
            : (reason, null);
    }

    private static JsonBodyResult Answer(JobActionResult result) => JsonBodyResult.Of(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("action", result.Action.ToString().ToLowerInvariant());
        writer.WriteString("target", result.Target.ToString());
        writer.WriteStartArray("messages");
        foreach (var message in result.Messages)
        {
            writer.WriteStringValue(message);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
