using System.Net;
using System.Net.Http.Headers;
using CondorActors.Server.Security;
using CondorActors.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static CondorActors.Server.Tests.Security.SecurityAssert;

namespace CondorActors.Server.Tests.Security;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("/v1/jobs")]
    [InlineData("/v1/jobs/1/0")]
    [InlineData("/v1/history")]
    [InlineData("/v1/status")]
    [InlineData("/v1/config")]
    [InlineData("/v1/admin/tokens")]
    public async Task Routes_without_a_token_answer_401_with_a_bearer_challenge(string path)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);

        var response = await server.AnonymousClient.GetAsync(Path(path));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/openapi/v1.json")]
    public async Task Probes_and_the_openapi_document_need_no_token(string path)
    {
        await using var server = await ApiServer.StartAsync();

        var response = await server.AnonymousClient.GetAsync(Path(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_and_the_old_Auth_header_are_both_accepted()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);
        var token = await server.CreateTokenAsync("alice", [ApiScopes.Read]);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, Path("/v1/jobs"));
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var legacy = new HttpRequestMessage(HttpMethod.Get, Path("/v1/jobs"));
        legacy.Headers.Add("Auth", token);

        Assert.Equal(HttpStatusCode.OK, (await server.AnonymousClient.SendAsync(bearer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.AnonymousClient.SendAsync(legacy)).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("ca_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_malformed_token_is_401(string token)
    {
        await using var server = await ApiServer.StartAsync();

        var response = await server.ClientWith(token).GetAsync(Path("/v1/jobs"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_id_with_a_wrong_secret_is_401()
    {
        await using var server = await ApiServer.StartAsync();
        var token = await server.CreateTokenAsync("alice", [ApiScopes.Read]);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await server.ClientWith(forged).GetAsync(Path("/v1/jobs"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var clock = new ShiftedTimeProvider();
        await using var server = await ApiServer.StartAsync(0, services => services.AddSingleton<TimeProvider>(clock));
        var token = await server.CreateTokenAsync("short-lived", [ApiScopes.Read], TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await server.ClientWith(token).GetAsync(Path("/v1/jobs"))).StatusCode);

        clock.Offset = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1);
        var response = await server.ClientWith(token).GetAsync(Path("/v1/jobs"));

        var body = await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("expired", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_revoked_through_the_admin_endpoint_is_401()
    {
        await using var server = await ApiServer.StartAsync();
        var token = await server.CreateTokenAsync("bob", [ApiScopes.Read]);
        var id = token.Split('_')[1];
        Assert.Equal(HttpStatusCode.OK, (await server.ClientWith(token).GetAsync(Path("/v1/jobs"))).StatusCode);

        var revoke = await server.Client.DeleteAsync(Path($"/v1/admin/tokens/{id}"));
        var response = await server.ClientWith(token).GetAsync(Path("/v1/jobs"));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var body = await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("revoked", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_read_lets_GET_through_but_not_writes_or_admin_routes()
    {
        await using var server = await ApiServer.StartAsync(1, "--condoractors:auth:anonymous-read=on");

        var read = await server.AnonymousClient.GetAsync(Path("/v1/jobs"));
        var write = await server.AnonymousClient.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"x","scopes":["admin"]}"""));
        var admin = await server.AnonymousClient.GetAsync(Path("/v1/admin/tokens"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await ProblemAsync(write, HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAsync(admin, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Anonymous_read_still_rejects_a_bad_token()
    {
        await using var server = await ApiServer.StartAsync(0, "--condoractors:auth:anonymous-read=on");

        var response = await server.ClientWith("ca_0123456789abcdef_wrong").GetAsync(Path("/v1/jobs"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    internal static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
