using System.Net;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Writes;

public sealed class JobControlApiTests
{
    private static readonly ClassAd Alice = ClassAd.Parse("[ CondorActorsSubmitter = \"alice\" ]");
    private static readonly ClassAd Bob = ClassAd.Parse("[ CondorActorsSubmitter = \"bob\" ]");

    private static long Status(RunningServer server, int cluster, int proc) =>
        server.Pool().GetJob(new CondorJobId(cluster, proc))!.Evaluate("JobStatus").TryGetInteger(out var status) ? status : -1;

    [Fact]
    public async Task Hold_release_and_remove_an_own_job()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(2, "svc", Alice);

        var (held, heldBody) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/hold", """{"reason": "disk full"}""", "alice");
        var heldStatus = Status(server, 1, 0);
        var (released, _) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/release", principal: "alice");
        var (removed, removedBody) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs/1", principal: "alice");

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(["Job 1.0 held"], heldBody.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal((long)CondorJobStatus.Held, heldStatus);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("1", removedBody.GetProperty("target").GetString());
        Assert.Equal(0, server.Pool().JobCount);
        Assert.Equal(2, server.Pool().HistoryCount);
    }

    [Fact]
    public async Task Refused_transitions_are_409_with_htcondors_reason()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(1, "svc", Alice);

        var (release, releaseBody) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/release", principal: "alice");
        var (vacate, vacateBody) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/vacate", principal: "alice");

        Assert.Equal(HttpStatusCode.Conflict, release.StatusCode);
        Assert.Equal("Job 1.0 not held to be released", releaseBody.GetProperty("detail").GetString());
        Assert.Equal("urn:condoractors:problem:transition-refused", releaseBody.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, vacate.StatusCode);
        Assert.Equal("Job 1.0 not running to be vacated", vacateBody.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("DELETE", "/v1/jobs/99999/0")]
    [InlineData("DELETE", "/v1/jobs/99999")]
    [InlineData("POST", "/v1/jobs/99999/0/hold")]
    [InlineData("POST", "/v1/jobs/99999/release")]
    public async Task Unknown_jobs_are_404(string method, string path)
    {
        await using var server = await WriteServer.StartAsync();

        var (response, body) = await server.SendAsync(new HttpMethod(method), path, principal: "alice");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("99999", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_get_htcondors_not_found_words()
    {
        await using var server = await WriteServer.StartAsync();

        var (response, body) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs/99999/0", principal: "root", scopes: "jobs-admin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Job 99999.0 not found", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Principals_cannot_act_on_other_principals_jobs_without_jobs_admin()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(1, "svc", Bob);

        var (forbidden, _) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/hold", principal: "alice", scopes: "submit");
        var statusAfterForbidden = Status(server, 1, 0);
        var (admin, _) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/hold", principal: "ops", scopes: "jobs-admin");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal((long)CondorJobStatus.Idle, statusAfterForbidden);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal((long)CondorJobStatus.Held, Status(server, 1, 0));
    }

    [Fact]
    public async Task Bulk_actions_need_a_constraint_and_touch_only_own_jobs()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(2, "svc", Alice);
        server.Pool().SubmitJobs(2, "svc", Bob);

        var (missing, missingBody) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/hold", principal: "alice");
        var (deleteAll, _) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs", principal: "alice");
        var (held, heldBody) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/hold?constraint=JobStatus%20%3D%3D%201", principal: "alice");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("constraint", missingBody.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, deleteAll.StatusCode);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(["Job 1.0 held", "Job 1.1 held"], heldBody.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal((long)CondorJobStatus.Idle, Status(server, 2, 0));
    }

    [Fact]
    public async Task A_bulk_constraint_cannot_escape_the_owner_clause()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(1, "svc", Bob);

        var (response, _) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs?constraint=" + Uri.EscapeDataString("true) || (true"), principal: "alice");
        var (orTrue, _) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs?constraint=" + Uri.EscapeDataString("false || true"), principal: "alice");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, orTrue.StatusCode);
        Assert.Equal(1, server.Pool().JobCount);
    }

    [Fact]
    public async Task Bulk_removal_by_an_admin_moves_matching_jobs_to_the_history()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(2, "svc", Alice);
        server.Pool().SubmitJobs(2, "svc", Bob);

        var (response, _) = await server.SendAsync(HttpMethod.Delete, "/v1/jobs?constraint=" + Uri.EscapeDataString("CondorActorsSubmitter == \"bob\""), principal: "ops", scopes: "jobs-admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Pool().JobCount);
        Assert.Equal(2, server.Pool().HistoryCount);
    }

    [Fact]
    public async Task A_reason_is_only_for_holds()
    {
        await using var server = await WriteServer.StartAsync();
        server.Pool().SubmitJobs(1, "svc", Alice);

        var (response, body) = await server.SendAsync(HttpMethod.Post, "/v1/jobs/1/0/release?reason=x", principal: "alice");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("reason", body.GetProperty("parameter").GetString());
    }
}
