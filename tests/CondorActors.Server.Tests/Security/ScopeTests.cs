using System.Net;
using System.Text.Json;
using CondorActors.Server.Security;
using CondorActors.Server.Tests.Api;
using Microsoft.AspNetCore.Http;
using static CondorActors.Server.Tests.Security.AuthenticationTests;
using static CondorActors.Server.Tests.Security.SecurityAssert;

namespace CondorActors.Server.Tests.Security;

public sealed class ScopeTests
{
    [Fact]
    public async Task A_read_token_cannot_use_admin_endpoints()
    {
        await using var server = await ApiServer.StartAsync();
        var reader = server.ClientWith(await server.CreateTokenAsync("reader", [ApiScopes.Read]));

        var list = await reader.GetAsync(Path("/v1/admin/tokens"));
        var create = await reader.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"evil","scopes":["admin"]}"""));
        var audit = await reader.GetAsync(Path("/v1/admin/audit"));

        var body = await ProblemAsync(list, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("admin", body.GetProperty("scope").GetString());
        await ProblemAsync(create, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(audit, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_token_without_read_cannot_read_jobs()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);
        var submitter = server.ClientWith(await server.CreateTokenAsync("submitter", [ApiScopes.Submit]));

        var response = await submitter.GetAsync(Path("/v1/jobs"));

        var body = await ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("read", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_tokens_and_the_new_token_works_at_once()
    {
        await using var server = await ApiServer.StartAsync();

        var created = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"carol","scopes":["read","submit"],"expires":"30d"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var id = body.RootElement.GetProperty("details").GetProperty("id").GetString()!;
        Assert.Equal($"/v1/admin/tokens/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await server.ClientWith(token).GetAsync(Path("/v1/jobs"))).StatusCode);

        var listText = await server.Client.GetStringAsync(Path("/v1/admin/tokens"));
        Assert.Contains("carol", listText, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('_', 3)[2], listText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await server.Client.DeleteAsync(Path($"/v1/admin/tokens/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWith(token).GetAsync(Path("/v1/jobs"))).StatusCode);
        await ProblemAsync(await server.Client.DeleteAsync(Path("/v1/admin/tokens/0000000000000000")), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("""{"name":"x","scopes":["root"]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"bad name","scopes":["read"]}""", "name")]
    [InlineData("""{"name":"anonymous","scopes":["read"]}""", "name")]
    [InlineData("""{"name":"x","scopes":["read"],"expires":"30"}""", "expires")]
    public async Task Invalid_token_requests_are_400_naming_the_field(string json, string parameter)
    {
        await using var server = await ApiServer.StartAsync();

        var response = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent(json));

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData(new[] { "admin" }, "submit", true)]
    [InlineData(new[] { "admin" }, "glideins", true)]
    [InlineData(new[] { "jobs-admin" }, "submit", true)]
    [InlineData(new[] { "jobs-admin" }, "read", false)]
    [InlineData(new[] { "submit" }, "jobs-admin", false)]
    [InlineData(new[] { "read" }, "submit", false)]
    [InlineData(new[] { "read", "glideins" }, "glideins", true)]
    public void Scopes_imply_only_what_they_should(string[] granted, string required, bool expected)
    {
        var http = new DefaultHttpContext { User = Principals.Create("p", granted, "id", "test") };

        Assert.Equal(expected, Scopes.Has(http, required));
        Assert.Equal(expected, Scopes.Require(http, required) is null);
    }

    [Fact]
    public void Require_answers_401_without_a_principal_and_403_with_one()
    {
        var anonymous = new DefaultHttpContext();
        var reader = new DefaultHttpContext { User = Principals.Create("reader", [ApiScopes.Read], "id", "test") };

        var unauthenticated = Assert.IsAssignableFrom<IStatusCodeHttpResult>(Scopes.Require(anonymous, ApiScopes.Submit));
        var forbidden = Assert.IsAssignableFrom<IStatusCodeHttpResult>(Scopes.Require(reader, ApiScopes.Submit));

        Assert.Equal(401, unauthenticated.StatusCode);
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Equal(Principals.Anonymous, Principals.NameOf(anonymous));
        Assert.False(Principals.IsAuthenticated(anonymous));
        Assert.Equal("reader", Principals.NameOf(reader));
    }
}
