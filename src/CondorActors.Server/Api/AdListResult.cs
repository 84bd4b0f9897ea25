using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;

namespace CondorActors.Server.Api;

/// <summary>
/// A JSON array of items from an <see cref="AdAnswer"/>, which it owns and disposes.
/// <list type="bullet">
/// <item>A page (<c>limit</c> up to max-page-size) is read whole first, plus one ad to learn whether
/// more follow; then <c>Link: &lt;...&gt;; rel="next"</c> and <c>X-Next-Cursor</c> can be sent.</item>
/// <item>Anything else streams: each item is written and flushed as the command yields it, so a
/// 100,000-job answer is never built in memory. Its length is only known at the end, so such a
/// response has no next-page cursor.</item>
/// </list>
/// An error after the first bytes were sent aborts the connection: a truncated body must not look
/// like a complete one.
/// </summary>
internal sealed class AdListResult(
    AdAnswer answer,
    AdShape shape,
    int skip,
    int? take,
    bool buffered,
    Func<ClassAd, int, string>? nextCursor,
    ApiOptions options,
    ILogger logger) : IResult
{
    public const string NextCursorHeader = "X-Next-Cursor";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using (((IAsyncDisposable)answer).ConfigureAwait(false))
        {
            var cancellation = httpContext.RequestAborted;
            var ads = answer.GetAsyncEnumerator(cancellation);
            await using (ads.ConfigureAwait(false))
            {
                try
                {
                    for (var skipped = 0; skipped < skip && await ads.MoveNextAsync().ConfigureAwait(false); skipped++)
                    {
                    }

                    if (buffered && take is { } size)
                    {
                        await WritePageAsync(httpContext, ads, size).ConfigureAwait(false);
                    }
                    else
                    {
                        await StreamAsync(ads, take).ExecuteAsync(httpContext).ConfigureAwait(false);
                    }
                }
                catch (CondorException error) when (!httpContext.Response.HasStarted)
                {
                    await ApiProblems.FromCondor(error, httpContext, options, "HTCondor").ExecuteAsync(httpContext).ConfigureAwait(false);
                }
                catch (Exception error) when (httpContext.Response.HasStarted && error is not OperationCanceledException)
                {
                    ApiLog.StreamFailed(logger, httpContext.Request.Path, error);
                    httpContext.Abort();
                }
            }
        }
    }

    private async Task WritePageAsync(HttpContext httpContext, IAsyncEnumerator<ClassAd> ads, int size)
    {
        var page = new List<ClassAd>(Math.Min(size + 1, 1024));
        while (page.Count <= size && await ads.MoveNextAsync().ConfigureAwait(false))
        {
            page.Add(ads.Current);
        }

        if (page.Count > size && nextCursor is not null)
        {
            page.RemoveAt(size);
            var cursor = nextCursor(page[^1], skip + size);
            httpContext.Response.Headers[NextCursorHeader] = cursor;
            httpContext.Response.Headers.Link = $"<{NextUri(httpContext.Request, cursor)}>; rel=\"next\"";
        }

        await JsonBodyResult.Of(writer =>
        {
            writer.WriteStartArray();
            foreach (var ad in page)
            {
                shape.WriteItem(writer, ad);
            }

            writer.WriteEndArray();
        }).ExecuteAsync(httpContext).ConfigureAwait(false);
    }

    private JsonBodyResult StreamAsync(IAsyncEnumerator<ClassAd> ads, int? limit) => new(async (writer, flush) =>
    {
        writer.WriteStartArray();
        var count = 0;
        while ((limit is null || count < limit) && await ads.MoveNextAsync().ConfigureAwait(false))
        {
            shape.WriteItem(writer, ads.Current);
            count++;
            await flush().ConfigureAwait(false);
        }

        writer.WriteEndArray();
    });

    /// <summary>This request's path and query with <c>cursor</c> replaced (a relative reference, RFC 8288).</summary>
    private static string NextUri(HttpRequest request, string cursor)
    {
        var pairs = request.Query
            .Where(pair => !pair.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return request.PathBase + request.Path + QueryString.Create(pairs);
    }
}
