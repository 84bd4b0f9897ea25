using System.Net;
using System.Text.Json;

namespace CondorActors.Server.Tests.Api;

public sealed class HttpEdgeTests
{
    [Theory]
    [InlineData("https://dashboard.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task Cors_preflight_allows_only_configured_origins(string origin, bool allowed)
    {
        await using var server = await ApiServer.StartAsync(0, "--condoractors:api:cors:allowed-origins:0=https://dashboard.example");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/status?query=startd");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await server.Client.SendAsync(preflight);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/v1/jobs");
        get.Headers.Add("Origin", origin);
        using var actual = await server.Client.SendAsync(get);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        Assert.Equal(allowed, actual.Headers.Contains("Access-Control-Allow-Origin"));
        if (allowed)
        {
            Assert.Contains("X-Next-Cursor", actual.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_configured_origins_no_page_from_another_origin_is_allowed()
    {
        await using var server = await ApiServer.StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/jobs");
        preflight.Headers.Add("Origin", "https://dashboard.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await server.Client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route()
    {
        await using var server = await ApiServer.StartAsync();

        var (response, body) = await server.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = body.GetProperty("paths").Keys().ToHashSet();
        string[] expected =
        [
            "/v1/jobs", "/v1/jobs/{cluster}", "/v1/jobs/{cluster}/{proc}", "/v1/jobs/{cluster}/{proc}/{attribute}",
            "/v1/jobs/{schedd}", "/v1/jobs/{schedd}/{cluster}", "/v1/jobs/{schedd}/{cluster}/{proc}", "/v1/jobs/{schedd}/{cluster}/{proc}/{attribute}",
            "/v1/history", "/v1/history/{cluster}/{proc}/{attribute}", "/v1/history/{schedd}/{cluster}/{proc}/{attribute}",
            "/v1/grouped_jobs/{schedd}/{groupby}", "/v1/grouped_jobs/{schedd}/{groupby}/{cluster}",
            "/v1/grouped_history/{schedd}/{groupby}", "/v1/grouped_history/{schedd}/{groupby}/{cluster}",
            "/v1/status", "/v1/status/{name}", "/v1/grouped_status/{groupby}", "/v1/grouped_status/{groupby}/{name}",
            "/v1/config", "/v1/config/{param}",
        ];
        Assert.Empty(expected.Except(paths));
        var jobs = body.GetProperty("paths").GetProperty("/v1/jobs").GetProperty("get");
        Assert.Equal("GetJobs", jobs.GetProperty("operationId").GetString());
        Assert.Contains("constraint", jobs.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Every_api_response_names_the_backend()
    {
        await using var server = await ApiServer.StartAsync(1);

        foreach (var path in new[] { "/v1/jobs", "/v1/jobs/1/0", "/v1/config", "/v1/status", "/v1/jobs/9/9", "/v1/jobs?limit=x" })
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal("simulated", response.Headers.GetValues("X-Condor-Backend").Single());
        }
    }

    [Fact]
    public async Task A_100000_job_answer_streams_without_being_held_in_server_memory()
    {
        const int Jobs = 100_000;
        await using var server = await ApiServer.StartAsync(Jobs);
        _ = server.Pool();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        using var response = await server.Client.GetAsync(new Uri("/v1/jobs", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var (count, bytes, peak) = await CountItemsAsync(body, sampleEvery: 20_000);

        // Live memory (after full collections) while the answer streamed, in this process that
        // holds both server and client, against the size of the answer.
        Assert.Equal(Jobs, count);
        Assert.True(bytes > 100L * 1024 * 1024, $"the body should be large: {bytes} bytes");
        Assert.True(peak - baseline < bytes / 4, $"live memory grew by {peak - baseline} bytes while streaming {bytes} bytes");
    }

    /// <summary>Counts the top-level array's items with a streaming reader, sampling live memory as it goes.</summary>
    private static async Task<(int Count, long Bytes, long PeakMemory)> CountItemsAsync(Stream body, int sampleEvery)
    {
        var buffer = new byte[64 * 1024];
        var state = new JsonReaderState();
        var (count, depth, bytes, peak, carry) = (0, 0, 0L, 0L, 0);
        while (true)
        {
            var read = await body.ReadAsync(buffer.AsMemory(carry));
            bytes += read;
            var final = read == 0;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, carry + read), final, state);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (depth++ == 1 && ++count % sampleEvery == 0)
                        {
                            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                }
            }

            if (final)
            {
                return (count, bytes, peak);
            }

            state = reader.CurrentState;
            carry = (carry + read) - (int)reader.BytesConsumed;
            buffer.AsSpan((int)reader.BytesConsumed, carry).CopyTo(buffer);
            if (carry == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }
}
