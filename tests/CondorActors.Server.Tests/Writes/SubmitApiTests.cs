using System.Net;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Writes;

public sealed class SubmitApiTests
{
    [Fact]
    public async Task Submit_answers_201_with_a_range_and_a_location()
    {
        await using var server = await WriteServer.StartAsync();

        var (response, body) = await server.PostJsonAsync("/v1/jobs", """{"executable": "/bin/hostname", "count": "12000"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/jobs/1", response.Headers.Location?.ToString());
        Assert.Equal(1, body.GetProperty("cluster").GetInt32());
        Assert.Equal(0, body.GetProperty("first_proc").GetInt32());
        Assert.Equal(11999, body.GetProperty("last_proc").GetInt32());
        Assert.Equal("1.0-1.11999", body.GetProperty("job_ids").GetString());
        Assert.False(body.TryGetProperty("jobs", out _));
        Assert.True(Guid.TryParse(body.GetProperty("request_id").GetString(), out _));
        Assert.Equal(12000, server.Pool().JobCount);
        Assert.Equal(1, server.Pool().SubmitCalls);
    }

    [Fact]
    public async Task Every_job_carries_the_request_id_and_the_submitter()
    {
        await using var server = await WriteServer.StartAsync();

        var (_, body) = await server.PostJsonAsync("/v1/jobs", """{"executable": "/bin/true", "count": 2, "attributes": {"Project": "atlas"}}""", principal: "bob");

        var ad = server.Pool().GetJob(new CondorJobId(1, 1))!;
        Assert.Equal(body.GetProperty("request_id").GetString(), ad.Evaluate("CondorActorsRequestId").TryGetString(out var id) ? id : null);
        Assert.Equal("bob", ad.Evaluate("CondorActorsSubmitter").TryGetString(out var submitter) ? submitter : null);
        Assert.Equal("atlas", ad.Evaluate("Project").TryGetString(out var project) ? project : null);
    }

    [Fact]
    public async Task Expand_lists_every_job_id()
    {
        await using var server = await WriteServer.StartAsync();

        var (_, body) = await server.PostJsonAsync("/v1/jobs?expand=true", """{"executable": "/bin/true", "count": 3}""");

        Assert.Equal(["1.0", "1.1", "1.2"], body.GetProperty("jobs").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public async Task The_old_submit_route_takes_the_same_body_and_answers_with_the_new_fields()
    {
        await using var server = await WriteServer.StartAsync();

        var (response, body) = await server.PostJsonAsync("/submit", """{"executable": "/bin/hostname", "count": "100", "output": "out.$(Process)"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.0-1.99", body.GetProperty("job_ids").GetString());
        Assert.Equal(100, server.Pool().JobCount);
    }

    [Fact]
    public async Task Count_above_the_configured_maximum_is_refused()
    {
        await using var server = await WriteServer.StartAsync("--condoractors:submit:max-count=10");

        var (response, body) = await server.PostJsonAsync("/v1/jobs", """{"executable": "/bin/true", "count": 11}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("count", body.GetProperty("parameter").GetString());
        Assert.Equal(0, server.Pool().JobCount);
    }

    [Fact]
    public async Task Admin_allowed_extra_commands_are_accepted()
    {
        await using var server = await WriteServer.StartAsync("--condoractors:submit:allowed-extra-commands:0=accounting_group");

        var (response, _) = await server.PostJsonAsync("/v1/jobs", """{"executable": "/bin/true", "accounting_group": "physics"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Condor_submit_refusals_are_422_with_its_words()
    {
        await using var server = await WriteServer.StartAsync(FaultyScheduler.Install(pool => new FaultyScheduler(pool) { Reject = "ERROR: Executable file /no/such/program does not exist" }));

        var (response, body) = await server.PostJsonAsync("/v1/jobs", """{"executable": "/no/such/program"}""");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("urn:condoractors:problem:submit-rejected", body.GetProperty("type").GetString());
        Assert.Equal("ERROR: Executable file /no/such/program does not exist", body.GetProperty("detail").GetString());
        Assert.Equal(0, server.Pool().JobCount);
    }

    [Fact]
    public async Task The_principal_working_directory_is_created_under_the_working_root()
    {
        await using var server = await WriteServer.StartAsync();

        await server.PostJsonAsync("/v1/jobs", """{"executable": "/bin/true"}""", principal: "carol");

        Assert.True(Directory.Exists(Path.Combine(server.DataDir, "work", "carol")));
        var ad = server.Pool().GetJob(new CondorJobId(1, 0))!;
        Assert.Equal(Path.Combine(server.DataDir, "work", "carol"), ad.Evaluate("Iwd").TryGetString(out var iwd) ? iwd : null);
    }

    [Fact]
    public async Task Submitting_needs_a_token_with_the_submit_scope()
    {
        await using var server = await WriteServer.StartAsync();

        var (anonymous, _) = await server.SendAsync(HttpMethod.Post, "/v1/jobs", """{"executable": "/bin/true"}""");
        var (reader, readerBody) = await server.SendAsync(HttpMethod.Post, "/v1/jobs", """{"executable": "/bin/true"}""", principal: "dave", scopes: "read");
        var (control, _) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs?constraint=true", principal: "dave", scopes: "read");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("submit", readerBody.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, control.StatusCode);
        Assert.Equal(0, server.Pool().SubmitCalls);
    }
}
