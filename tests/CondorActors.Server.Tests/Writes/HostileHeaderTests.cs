using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CondorActors.Server.Tests.Writes;

/// <summary>Header tricks on a submit: each is refused with a 4xx problem and nothing is submitted.</summary>
public sealed class HostileHeaderTests : IAsyncLifetime
{
    private const string Body = """{"executable": "/bin/true", "count": 2}""";
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await WriteServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string[]> BadIdempotencyKeys => new()
    {
        { "two values", ["key-a", "key-b"] },
        { "too long", [new string('k', 256)] },
        { "blank", [" "] },
        { "empty", [""] },
    };

    [Theory]
    [MemberData(nameof(BadIdempotencyKeys))]
    public async Task A_malformed_idempotency_key_is_refused_before_anything_is_submitted(string name, string[] values)
    {
        using var request = await _server.RequestAsync(HttpMethod.Post, "/v1/jobs", Body, principal: "alice");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", values);

        var (response, problem) = await _server.SendJsonAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: got {(int)response.StatusCode}");
        Assert.Equal("Idempotency-Key", problem.GetProperty("parameter").GetString());
        Assert.Equal(0, _server.Pool().SubmitCalls);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_refused()
    {
        using var request = await _server.RequestAsync(HttpMethod.Post, "/v1/jobs", principal: "alice");
        request.Content = new StringContent(Body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var (response, _) = await _server.SendJsonAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _server.Pool().SubmitCalls);
    }

    [Fact]
    public async Task A_second_authorization_header_does_not_authenticate()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/jobs", UriKind.Relative))
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer ca_0000000000000000_forged", "Bearer also-forged"]);

        var (response, _) = await _server.SendJsonAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _server.Pool().SubmitCalls);
    }
}
