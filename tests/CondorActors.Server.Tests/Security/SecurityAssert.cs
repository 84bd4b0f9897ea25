using System.Net;
using System.Text.Json;

namespace CondorActors.Server.Tests.Security;

internal static class SecurityAssert
{
    /// <summary>Asserts the status and a problem+json body of the given type; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("urn:condoractors:problem:" + type, body.RootElement.GetProperty("type").GetString());
        return body.RootElement.Clone();
    }

    public static Uri Path(string path) => new(path, UriKind.Relative);
}

/// <summary>The system clock moved by <see cref="Offset"/>; timers stay real (Kestrel and the actors keep working).</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
