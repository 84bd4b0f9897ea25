using System.Globalization;
using System.Net;
using CondorActors.Server.Security;
using CondorActors.Server.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static CondorActors.Server.Tests.Security.AuthenticationTests;
using static CondorActors.Server.Tests.Security.SecurityAssert;

namespace CondorActors.Server.Tests.Security;

public sealed class HardeningTests
{
    [Fact]
    public async Task Reads_beyond_the_burst_are_429_with_Retry_After_per_principal()
    {
        await using var server = await ApiServer.StartAsync(0,
            "--condoractors:auth:rate-limits:read-per-minute=1", "--condoractors:auth:rate-limits:burst=2");
        var alice = server.ClientWith(await server.CreateTokenAsync("alice", [ApiScopes.Read]));
        var bob = server.ClientWith(await server.CreateTokenAsync("bob", [ApiScopes.Read]));

        var first = await alice.GetAsync(Path("/v1/jobs"));
        var second = await alice.GetAsync(Path("/v1/jobs"));
        var third = await alice.GetAsync(Path("/v1/jobs"));
        var other = await bob.GetAsync(Path("/v1/jobs"));
        var probe = await server.AnonymousClient.GetAsync(Path("/healthz"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await ProblemAsync(third, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(third.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task Writes_have_their_own_bucket()
    {
        await using var server = await ApiServer.StartAsync(0,
            "--condoractors:auth:rate-limits:write-per-minute=1", "--condoractors:auth:rate-limits:burst=1");

        var first = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"a","scopes":["read"]}"""));
        var second = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"b","scopes":["read"]}"""));
        var read = await server.Client.GetAsync(Path("/v1/admin/tokens"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAsync(second, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(second.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var server = await ApiServer.StartAsync(0, "--condoractors:http:max-request-body-size=1 KiB");
        var big = $$"""{"name":"x","scopes":["read"],"padding":"{{new string('a', 4096)}}"}""";

        var response = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_400()
    {
        await using var server = await ApiServer.StartAsync(0, "--condoractors:http:max-json-depth=8");
        var deep = """{"name":"x","scopes":["read"],"extra":""" + new string('[', 20) + new string(']', 20) + "}";
        var shallow = """{"name":"x","scopes":["read"],"extra":""" + new string('[', 3) + new string(']', 3) + "}";

        var rejected = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent(deep));
        var accepted = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent(shallow));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_request_running_past_the_timeout_is_cancelled_with_504()
    {
        await using var server = await RunningServer.StartAsync(
            app => app.MapGet("/test/slow", async (HttpContext http) =>
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
                return "never";
            }),
            "--condoractors:condor:backend=simulated",
            "--condoractors:http:request-timeout=200ms");

        var response = await server.Client.GetAsync(Path("/test/slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }
}
