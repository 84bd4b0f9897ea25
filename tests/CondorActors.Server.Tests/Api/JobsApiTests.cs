using System.Net;
using System.Text.Json;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Api;

public sealed class JobsApiTests
{
    [Fact]
    public async Task Jobs_have_restd_shape_with_lower_case_attribute_names()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 5);

        var (response, body) = await server.GetJsonAsync("/v1/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("simulated", response.Headers.GetValues("X-Condor-Backend").Single());
        Assert.Equal(["1.0", "1.1", "1.2", "1.3", "1.4"], body.EnumerateArray().Select(item => item.GetProperty("jobid").GetString()));
        var classad = body[0].GetProperty("classad");
        Assert.Equal("testuser", classad.GetProperty("owner").GetString());
        Assert.Equal(1, classad.GetProperty("clusterid").GetInt32());
        Assert.All(classad.Keys(), name => Assert.Equal(name.ToLowerInvariant(), name));
    }

    [Fact]
    public async Task Projection_strips_the_identity_attributes_unless_asked_for()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 2);

        var (_, plain) = await server.GetJsonAsync("/v1/jobs?projection=Owner,JobStatus");
        var (_, withCluster) = await server.GetJsonAsync("/v1/jobs?projection=owner,ClusterId");

        Assert.Equal(["jobstatus", "owner"], plain[0].GetProperty("classad").Keys().Order());
        Assert.Equal("1.0", plain[0].GetProperty("jobid").GetString());
        Assert.Equal(["clusterid", "owner"], withCluster[0].GetProperty("classad").Keys().Order());
    }

    [Theory]
    [InlineData("/v1/jobs/2")]
    [InlineData("/v1/jobs/DEFAULT/2")]
    [InlineData("/v1/jobs/vm/2")]
    public async Task Cluster_routes_with_and_without_a_schedd_select_one_cluster(string path)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 0);
        server.Pool().SubmitJobs(2, "alice");
        server.Pool().SubmitJobs(3, "bob");

        var (_, body) = await server.GetJsonAsync(path + "?projection=Owner");

        Assert.Equal(["2.0", "2.1", "2.2"], body.EnumerateArray().Select(item => item.GetProperty("jobid").GetString()));
        Assert.All(body.EnumerateArray(), item => Assert.Equal("bob", item.GetProperty("classad").GetProperty("owner").GetString()));
    }

    [Theory]
    [InlineData("/v1/jobs/1/1")]
    [InlineData("/v1/jobs/DEFAULT/1/1")]
    public async Task One_job_is_an_object(string path)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 3);

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal("1.1", body.GetProperty("jobid").GetString());
        Assert.Equal(1, body.GetProperty("classad").GetProperty("procid").GetInt32());
    }

    [Theory]
    [InlineData("/v1/jobs/1/0/Owner")]
    [InlineData("/v1/jobs/1/0/owner")]
    [InlineData("/v1/jobs/DEFAULT/1/0/OWNER")]
    public async Task One_attribute_is_its_json_value(string path)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("testuser", body.GetString());
    }

    [Theory]
    [InlineData("/v1/jobs/9/0", "No matching jobs")]
    [InlineData("/v1/jobs/9/0/Owner", "No matching jobs")]
    [InlineData("/v1/jobs/1/0/NoSuchAttribute", "Undefined attribute: NoSuchAttribute")]
    [InlineData("/v1/history/1/0", "No matching jobs")]
    public async Task Unknown_jobs_and_attributes_are_404_problems(string path, string message)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:condoractors:problem:not-found", body.GetProperty("type").GetString());
        Assert.Equal(message, body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/v1/jobs?projection=Owner,1bad", "projection")]
    [InlineData("/v1/jobs?projection=Owner,a-b", "projection")]
    [InlineData("/v1/jobs?limit=0", "limit")]
    [InlineData("/v1/jobs?limit=x", "limit")]
    [InlineData("/v1/jobs/1/0/bad-name", "attribute")]
    [InlineData("/v1/history?since=yesterday", "since")]
    [InlineData("/v1/jobs/no-such-schedd", "schedd")]
    [InlineData("/v1/grouped_jobs/DEFAULT/bad-attr", "groupby")]
    [InlineData("/v1/jobs?cursor=abc.def", "cursor")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:condoractors:problem:invalid-parameter", body.GetProperty("type").GetString());
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_bad_constraint_is_a_400_naming_its_position()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);

        var (response, body) = await server.GetJsonAsync("/v1/jobs?constraint=" + Uri.EscapeDataString("Owner == (1 +"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("constraint", body.GetProperty("parameter").GetString());
        Assert.Equal(13, body.GetProperty("position").GetInt32());
        Assert.Contains("position 13", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constraint_selects_jobs()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 10);

        var (_, body) = await server.GetJsonAsync("/v1/jobs?projection=JobStatus&constraint=" + Uri.EscapeDataString("JobStatus == 5"));

        Assert.Equal(["1.9"], body.EnumerateArray().Select(item => item.GetProperty("jobid").GetString()));
    }

    [Fact]
    public async Task History_lists_finished_jobs_newest_first_and_filters_by_since()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 0);
        var pool = server.Pool();
        var ids = pool.SubmitJobs(3, "alice");
        foreach (var id in ids)
        {
            pool.SetJobStatus(id, CondorJobStatus.Completed);
        }

        pool.ArchiveFinishedJobs();

        var (_, all) = await server.GetJsonAsync("/v1/history?projection=Owner");
        var (_, one) = await server.GetJsonAsync("/v1/history/DEFAULT/1/2");
        var (_, future) = await server.GetJsonAsync($"/v1/history?since={DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}");

        Assert.Equal(["1.2", "1.1", "1.0"], all.EnumerateArray().Select(item => item.GetProperty("jobid").GetString()));
        Assert.Equal("1.2", one.GetProperty("jobid").GetString());
        Assert.Equal(0, future.GetArrayLength());
    }

    [Fact]
    public async Task Grouped_jobs_are_an_object_of_lists_by_value()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 10);

        var (_, body) = await server.GetJsonAsync("/v1/grouped_jobs/DEFAULT/JobStatus?projection=Owner");
        var (_, cluster) = await server.GetJsonAsync("/v1/grouped_jobs/DEFAULT/Owner/1");

        Assert.Equal(["1", "2", "5"], body.Keys().Order());
        Assert.Equal(3, body.GetProperty("2").GetArrayLength());
        Assert.Equal(["jobstatus", "owner"], body.GetProperty("5")[0].GetProperty("classad").Keys().Order());
        Assert.Equal(10, cluster.GetProperty("testuser").GetArrayLength());
    }

    [Fact]
    public async Task Grouped_history_groups_finished_jobs()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 0);
        var pool = server.Pool();
        pool.SetJobStatus(pool.SubmitJobs(1, "alice")[0], CondorJobStatus.Completed);
        pool.SetJobStatus(pool.SubmitJobs(1, "bob")[0], CondorJobStatus.Completed);
        pool.ArchiveFinishedJobs();

        var (_, body) = await server.GetJsonAsync("/v1/grouped_history/DEFAULT/Owner");

        Assert.Equal(["alice", "bob"], body.Keys().Order());
    }

    [Fact]
    public async Task Redacted_attributes_read_REDACTED_in_lists_jobs_and_attributes()
    {
        await using var server = await ApiServer.StartAsync(2, "--condoractors:api:redact-job-attributes=Cmd, Owner");

        var (_, list) = await server.GetJsonAsync("/v1/jobs");
        var (_, attribute) = await server.GetJsonAsync("/v1/jobs/1/0/owner");
        var (_, projected) = await server.GetJsonAsync("/v1/jobs/1/1?projection=Owner,JobStatus");

        Assert.All(list.EnumerateArray(), item =>
        {
            Assert.Equal("<REDACTED>", item.GetProperty("classad").GetProperty("owner").GetString());
            Assert.Equal("<REDACTED>", item.GetProperty("classad").GetProperty("cmd").GetString());
        });
        Assert.Equal("<REDACTED>", attribute.GetString());
        Assert.Equal("<REDACTED>", projected.GetProperty("classad").GetProperty("owner").GetString());
        Assert.Equal(JsonValueKind.Number, projected.GetProperty("classad").GetProperty("jobstatus").ValueKind);
    }

    [Fact]
    public async Task The_result_cap_limits_every_list()
    {
        await using var server = await ApiServer.StartAsync(20, "--condoractors:api:max-results=7");

        var (_, all) = await server.GetJsonAsync("/v1/jobs?projection=Owner");
        var (_, big) = await server.GetJsonAsync("/v1/jobs?projection=Owner&limit=100");
        var (_, small) = await server.GetJsonAsync("/v1/jobs?projection=Owner&limit=3");

        Assert.Equal(7, all.GetArrayLength());
        Assert.Equal(7, big.GetArrayLength());
        Assert.Equal(3, small.GetArrayLength());
    }
}
