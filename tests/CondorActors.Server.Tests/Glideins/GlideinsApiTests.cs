using System.Net;
using System.Text.Json;
using CondorActors.Server.Security;
using CondorActors.Server.Tests.Security;

namespace CondorActors.Server.Tests.Glideins;

/// <summary>The glidein routes over HTTP: shapes, scopes, bad input naming its field, unknown ids and sites.</summary>
public sealed class GlideinsApiTests : IAsyncLifetime
{
    // A batch job that just waits: these tests are about the API, not the HPC half.
    private static readonly string[] Sleeper =
    [
        "--condoractors:sites:local:hpc-half-command:0=sleep", "--condoractors:sites:local:hpc-half-command:1=600",
        "--condoractors:sites:local:heartbeat-timeout=1h",
    ];

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await GlideinServer.StartAsync(Sleeper);

    public async Task DisposeAsync()
    {
        // Kill what is left so no sleep outlives the test.
        var (_, list) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins");
        foreach (var glidein in list.EnumerateArray())
        {
            await _server.Client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{glidein.GetProperty("id").GetString()}?force=true");
        }

        await GlideinServer.EventuallyAsync(async () => (await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins")).Body.GetArrayLength(), n => n == 0, TimeSpan.FromSeconds(30), "cleanup of every glidein");
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Sites_lists_each_configured_site_with_limits_defaults_and_counts()
    {
        var (response, body) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/sites");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sites = body.EnumerateArray().ToDictionary(s => s.GetProperty("site").GetString()!);
        Assert.Equal(["local", "off"], sites.Keys.Order(StringComparer.Ordinal));
        var local = sites["local"];
        Assert.Equal("local", local.GetProperty("batch_system").GetString());
        Assert.True(local.GetProperty("enabled").GetBoolean());
        Assert.True(local.GetProperty("accepts_requests").GetBoolean());
        Assert.Equal(4, local.GetProperty("limits").GetProperty("max_glideins").GetInt32());
        Assert.Equal(2, local.GetProperty("limits").GetProperty("max_nodes_per_job").GetInt32());
        Assert.Equal(3600, local.GetProperty("defaults").GetProperty("walltime_seconds").GetInt64());
        Assert.Equal(0, local.GetProperty("counts").GetProperty("Pending").GetInt32());
        Assert.False(sites["off"].GetProperty("enabled").GetBoolean());
        Assert.False(sites["off"].GetProperty("accepts_requests").GetBoolean());
    }

    [Fact]
    public async Task Request_answers_202_with_ids_and_location_and_the_glideins_are_listed()
    {
        var (response, body) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins",
            """{"count": 2, "nodes": 1, "slots_per_node": 3, "walltime": "2h", "mode": "split", "attributes": {"Project": "a \"quoted\" $(x)"}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = body.GetProperty("glideins").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal("/v1/glideins?site=local", response.Headers.Location?.OriginalString);
        Assert.Equal(7200, body.GetProperty("request").GetProperty("walltime_seconds").GetInt64());
        Assert.Equal(3, body.GetProperty("request").GetProperty("slots_per_node").GetInt32());

        var (_, list) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins?site=local");
        Assert.Equal(ids.Order(StringComparer.Ordinal), list.EnumerateArray().Select(g => g.GetProperty("id").GetString()!));

        // The requested attribute reaches the startd's configuration quoted, its '$' no macro.
        var config = await File.ReadAllTextAsync(_server.Sites().Find("local")!.FilesOf(ids[0]).StartdConfig);
        Assert.Contains("Project = \"a \\\"quoted\\\" $(DOLLAR)(x)\"", config, StringComparison.Ordinal);
        Assert.Matches("STARTD_ATTRS = .* Project\n", config);
    }

    [Fact]
    public async Task One_glidein_shows_state_batch_job_startds_and_history()
    {
        var (_, requested) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", """{"slots_per_node": 2}""");
        var id = requested.GetProperty("glideins")[0].GetString()!;

        var body = await GlideinServer.EventuallyAsync(
            async () => (await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{id}")).Body,
            b => b.GetProperty("state").GetString() == "Advertising",
            TimeSpan.FromSeconds(30), "Advertising");

        Assert.Equal("local", body.GetProperty("site").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("batch_job_id").GetString()));
        Assert.Equal(2, body.GetProperty("startd_names").GetArrayLength());
        Assert.All(body.GetProperty("startd_names").EnumerateArray(), n => Assert.Contains($"@glidein_{id}_0@", n.GetString(), StringComparison.Ordinal));
        Assert.Equal(0, body.GetProperty("claimed_jobs").GetArrayLength());
        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("GlideinRequested", history[0].GetProperty("event").GetString());
        Assert.Contains(history, h => h.GetProperty("to").GetString() == "Pending" && h.GetProperty("event").GetString() == "BatchJobSubmitted");
        Assert.Contains(history, h => h.GetProperty("to").GetString() == "Advertising");
        Assert.All(history, h => Assert.True(h.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Theory]
    [InlineData("""{"count": 0}""", "count")]
    [InlineData("""{"count": "many"}""", "count")]
    [InlineData("""{"nodes": -1}""", "nodes")]
    [InlineData("""{"slots_per_node": 1.5}""", "slots_per_node")]
    [InlineData("""{"walltime": "soon"}""", "walltime")]
    [InlineData("""{"walltime": "1.5"}""", "walltime")]
    [InlineData("""{"mode": "glide"}""", "mode")]
    [InlineData("""{"attributes": ["x"]}""", "attributes")]
    [InlineData("""{"attributes": {"1abc": "x"}}""", "attributes.1abc")]
    [InlineData("""{"attributes": {"START": "x"}}""", "attributes.START")]
    [InlineData("""{"attributes": {"STARTD_CRON_JOBLIST": "x"}}""", "attributes.STARTD_CRON_JOBLIST")]
    [InlineData("""{"attributes": {"GlideinId": "x"}}""", "attributes.GlideinId")]
    [InlineData("""{"attributes": {"Project": "a\nSTART = True"}}""", "attributes.Project")]
    [InlineData("""{"attributes": {"Project": 3}}""", "attributes.Project")]
    [InlineData("""{"colour": "red"}""", "colour")]
    [InlineData("""[1]""", "body")]
    [InlineData("""{"count": """, "body")]
    public async Task Bad_request_bodies_are_400_naming_the_field(string json, string field)
    {
        var (response, _) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", json);

        var problem = await SecurityAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("""{"count": 5}""", "count")]
    [InlineData("""{"nodes": 3}""", "nodes")]
    [InlineData("""{"slots_per_node": 9}""", "slots_per_node")]
    [InlineData("""{"walltime": 172801}""", "walltime")]
    public async Task Requests_over_a_site_limit_are_422_naming_the_field(string json, string field)
    {
        var (response, _) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", json);

        var problem = await SecurityAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "limit-exceeded");
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_full_site_is_409_on_count_and_a_disabled_site_409_on_site()
    {
        var (first, _) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", """{"count": 3}""");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        var (full, _) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", """{"count": 2}""");
        var (disabled, _) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/off/glideins", "{}");

        Assert.Equal("count", (await SecurityAssert.ProblemAsync(full, HttpStatusCode.Conflict, "conflict")).GetProperty("parameter").GetString());
        Assert.Equal("site", (await SecurityAssert.ProblemAsync(disabled, HttpStatusCode.Conflict, "conflict")).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Unknown_sites_ids_and_bad_filters_are_named()
    {
        var (noSite, _) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/nowhere/glideins", "{}");
        var (noWorkerSite, _) = await _server.Client.SendAsync(HttpMethod.Post, "/worker/nowhere");
        var (noGlidein, _) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins/g20250101000000-deadbeef");
        var (noDelete, _) = await _server.Client.SendAsync(HttpMethod.Delete, "/v1/glideins/g20250101000000-deadbeef");
        var (noLogs, _) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins/g20250101000000-deadbeef/logs");
        var (badSite, _) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins?site=nowhere");
        var (badState, _) = await _server.Client.SendAsync(HttpMethod.Get, "/v1/glideins?state=Sleeping");
        var (badForce, _) = await _server.Client.SendAsync(HttpMethod.Delete, "/v1/glideins/x?force=maybe");
        var (badDeadline, _) = await _server.Client.SendAsync(HttpMethod.Delete, "/v1/glideins/x?deadline=later");

        Assert.Equal("site", (await SecurityAssert.ProblemAsync(noSite, HttpStatusCode.NotFound, "not-found")).GetProperty("parameter").GetString());
        await SecurityAssert.ProblemAsync(noWorkerSite, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("id", (await SecurityAssert.ProblemAsync(noGlidein, HttpStatusCode.NotFound, "not-found")).GetProperty("parameter").GetString());
        await SecurityAssert.ProblemAsync(noDelete, HttpStatusCode.NotFound, "not-found");
        await SecurityAssert.ProblemAsync(noLogs, HttpStatusCode.NotFound, "not-found");
        await SecurityAssert.ProblemAsync(badSite, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("state", (await SecurityAssert.ProblemAsync(badState, HttpStatusCode.BadRequest, "invalid-parameter")).GetProperty("parameter").GetString());
        Assert.Equal("force", (await SecurityAssert.ProblemAsync(badForce, HttpStatusCode.BadRequest, "invalid-parameter")).GetProperty("parameter").GetString());
        Assert.Equal("deadline", (await SecurityAssert.ProblemAsync(badDeadline, HttpStatusCode.BadRequest, "invalid-parameter")).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Worker_route_starts_one_glidein_with_the_site_defaults()
    {
        var (response, body) = await _server.Client.SendAsync(HttpMethod.Post, "/worker/local");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("glideins")[0].GetString();
        Assert.Equal($"/v1/glideins/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, body.GetProperty("request").GetProperty("nodes").GetInt32());
        Assert.Equal("split", body.GetProperty("request").GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("GET", "/v1/sites")]
    [InlineData("POST", "/v1/sites/local/glideins")]
    [InlineData("GET", "/v1/glideins")]
    [InlineData("GET", "/v1/glideins/g1")]
    [InlineData("DELETE", "/v1/glideins/g1")]
    [InlineData("GET", "/v1/glideins/g1/logs")]
    [InlineData("POST", "/worker/local")]
    public async Task Every_route_needs_a_token_with_scope_glideins(string method, string path)
    {
        var reader = _server.ClientWith(await _server.CreateTokenAsync("reader", [ApiScopes.Read, ApiScopes.Submit, ApiScopes.JobsAdmin]));
        var operator_ = _server.ClientWith(await _server.CreateTokenAsync("operator", [ApiScopes.Glideins]));
        var json = method == "POST" ? "{\"count\": 99}" : null;

        var (anonymous, _) = await _server.AnonymousClient.SendAsync(new HttpMethod(method), path, json);
        var (withoutScope, _) = await reader.SendAsync(new HttpMethod(method), path, json);
        var (withScope, _) = await operator_.SendAsync(new HttpMethod(method), path, json);

        await SecurityAssert.ProblemAsync(anonymous, HttpStatusCode.Unauthorized, "unauthorized");
        var forbidden = await SecurityAssert.ProblemAsync(withoutScope, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("glideins", forbidden.GetRawText(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Unauthorized, withScope.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, withScope.StatusCode);
    }

    [Fact]
    public async Task The_old_Auth_header_works_on_the_worker_route()
    {
        var token = await _server.CreateTokenAsync("old-client", [ApiScopes.Glideins]);
        var client = _server.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/worker/local", UriKind.Relative));
        request.Headers.Add("Auth", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_describes_the_glidein_routes()
    {
        var (_, document) = await _server.AnonymousClient.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/sites", "/v1/sites/{site}/glideins", "/v1/glideins", "/v1/glideins/{id}", "/v1/glideins/{id}/logs", "/worker/{site}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " missing from the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/v1/glideins/{id}").TryGetProperty("delete", out _));
        Assert.Contains("slots_per_node", paths.GetProperty("/v1/sites/{site}/glideins").GetRawText() + document.GetProperty("components").GetRawText(), StringComparison.Ordinal);
    }
}
