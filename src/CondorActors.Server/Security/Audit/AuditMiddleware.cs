using Microsoft.AspNetCore.Http.Features;

namespace CondorActors.Server.Security.Audit;

/// <summary>
/// Records every write (any method but GET, HEAD, OPTIONS) of an authenticated principal with its
/// outcome, whatever endpoint handles it. The record is stored when the response starts, before
/// the status line leaves the server: a client never sees a write acknowledged that the audit
/// log lacks. Rate-limited (429) and unauthenticated (401) attempts are not recorded, so nobody
/// can flood the log; the server log counts them.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditLog audit)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return next(context);
        }

        context.Response.OnStarting(() => RecordAsync(context));
        return next(context);
    }

    private async Task RecordAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (!Principals.IsAuthenticated(context) || status == StatusCodes.Status429TooManyRequests)
        {
            return;
        }

        var principal = Principals.NameOf(context);

        var record = new AuditRecord(
            audit.Time.GetUtcNow(),
            principal,
            Principals.TokenIdOf(context),
            context.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.TraceIdentifier,
            context.Request.Method,
            (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
            context.Request.Path.Value ?? "/",
            status);
        try
        {
            await audit.RecordAsync(record).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already logged by the audit log; the write itself has happened and must be answered.
        }
    }
}
