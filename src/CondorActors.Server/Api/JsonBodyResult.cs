using System.Text.Json;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Server.Api;

/// <summary>
/// A JSON body written with a <see cref="Utf8JsonWriter"/> straight into the response pipe; the
/// writer code calls the flush callback between items so output leaves as it is produced and
/// memory stays bounded by one item, whatever the body's size.
/// </summary>
internal sealed class JsonBodyResult(Func<Utf8JsonWriter, Func<ValueTask>, ValueTask> write) : IResult
{
    /// <summary>Bytes gathered before they are sent; small enough to stay out of the large-object heap.</summary>
    private const int FlushThreshold = 32 * 1024;

    public static JsonBodyResult Of(Action<Utf8JsonWriter> write) => new((writer, _) =>
    {
        write(writer);
        return ValueTask.CompletedTask;
    });

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var body = httpContext.Response.BodyWriter;
        var cancellation = httpContext.RequestAborted;
        await using var writer = new Utf8JsonWriter(body, ClassAdJson.WriterOptions);
        long flushed = 0;
        await write(writer, async () =>
        {
            // Over a pipe the writer commits every filled segment itself, so BytesPending alone
            // stays small: count everything written since the last flush, or the pipe would
            // quietly hold the whole body.
            if (writer.BytesCommitted + writer.BytesPending - flushed >= FlushThreshold)
            {
                writer.Flush();
                await body.FlushAsync(cancellation).ConfigureAwait(false);
                flushed = writer.BytesCommitted;
            }
        }).ConfigureAwait(false);
        writer.Flush();
        await body.FlushAsync(cancellation).ConfigureAwait(false);
    }
}
