using System.Security.Cryptography;
using System.Text.Json;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Submit;
using CondorActors.Domain.Condor.Writes;
using CondorActors.Server.Problems;
using CondorActors.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CondorActors.Server.Api;

/// <summary>
/// <c>POST /v1/jobs</c> and the old <c>POST /submit</c>: body to description (every refusal a 400
/// naming the key, before anything is recorded or run), then one submit through
/// <see cref="CondorWrites"/>, with the Idempotency-Key when the client sent one.
/// </summary>
internal static class SubmitHandlers
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<Results<JsonBodyResult, ProblemHttpResult>> SubmitAsync(HttpContext http, CondorWrites writes, ApiServices api)
    {
        if (Scopes.Require(http, Scopes.Submit) is { } denied)
        {
            return denied;
        }

        if (UnsupportedContentType(http) is { } wrongType)
        {
            return wrongType;
        }

        var options = writes.Options;
        var body = await RequestBodies.ReadAsync(http.Request, options.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return WriteProblems.TooLarge(options.MaxBodyBytes);
        }

        if (IdempotencyKey(http, out var key) is { } badKey)
        {
            return badKey;
        }

        var principal = Principals.NameOf(http);
        SubmitDescription Render(string requestId) => SubmitDescriptionBuilder.Build(body, new SubmitContext(principal, requestId, options), options);
        SubmitDescription description;
        try
        {
            description = Render(Guid.NewGuid().ToString("D"));
        }
        catch (SubmitRequestException refused)
        {
            return ApiProblems.InvalidParameter(refused.Field, refused.Message);
        }

        SubmitOutcome outcome;
        try
        {
            outcome = await writes.SubmitAsync(description, key, Convert.ToHexStringLower(SHA256.HashData(body)), Render, http.RequestAborted).ConfigureAwait(false);
        }
        catch (IdempotencyKeyReusedException reused)
        {
            return WriteProblems.KeyReused(reused);
        }
        catch (CondorException error)
        {
            return WriteProblems.FromCondor(error, http, api.Options);
        }

        if (outcome.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        var expand = string.Equals(http.Request.Query["expand"], "true", StringComparison.OrdinalIgnoreCase);
        var jobs = outcome.Jobs;
        http.Response.Headers.Location = $"/v1/jobs/{jobs.Cluster}";
        return JsonBodyResult.Of(writer => WriteAnswer(writer, jobs, outcome.RequestId, expand), StatusCodes.Status201Created);
    }

    private static void WriteAnswer(Utf8JsonWriter writer, SubmittedJobs jobs, string requestId, bool expand)
    {
        writer.WriteStartObject();
        writer.WriteNumber("cluster", jobs.Cluster);
        writer.WriteNumber("first_proc", jobs.FirstProc);
        writer.WriteNumber("last_proc", jobs.LastProc);
        writer.WriteNumber("count", jobs.Count);
        writer.WriteString("job_ids", jobs.JobIds);
        writer.WriteString("request_id", requestId);
        if (expand)
        {
            writer.WriteStartArray("jobs");
            foreach (var id in jobs.ExpandJobIds())
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The header's key (null when absent), or the 400 for an unusable one.</summary>
    /// <summary>
    /// <c>/v1/jobs</c> takes JSON only (a form or text body is a client mistake, e.g. curl -d
    /// without a Content-Type). The old <c>/submit</c> route accepts what its clients sent.
    /// </summary>
    private static ProblemHttpResult? UnsupportedContentType(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/submit", StringComparison.Ordinal)
            || http.Request.ContentType is not { Length: > 0 } contentType
            || http.Request.HasJsonContentType())
        {
            return null;
        }

        var detail = $"Content-Type '{contentType}' is not JSON: send the description as application/json.";
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Type = ProblemTypes.InvalidParameter,
            Title = "Unsupported media type",
            Detail = detail,
            Extensions = { ["parameter"] = "Content-Type" },
        });
    }

    private static ProblemHttpResult? IdempotencyKey(HttpContext http, out string? key)
    {
        key = null;
        var values = http.Request.Headers[IdempotencyKeyHeader];
        if (values.Count == 0)
        {
            return null;
        }

        var text = values.Count == 1 ? values[0] : null;
        if (text is null || text.Length is 0 or > 255 || !text.All(c => c is >= '!' and <= '~'))
        {
            return ApiProblems.InvalidParameter(IdempotencyKeyHeader, "Idempotency-Key must be one value of 1 to 255 visible ASCII characters.");
        }

        key = text;
        return null;
    }
}
