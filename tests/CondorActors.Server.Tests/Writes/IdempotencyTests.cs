using System.Net;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Server.Tests.Writes;

public sealed class IdempotencyTests
{
    private const string Body = """{"executable": "/bin/hostname", "count": 5}""";

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_and_submits_nothing()
    {
        await using var server = await WriteServer.StartAsync();

        var (first, firstBody) = await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-1");
        var firstText = firstBody.GetRawText();
        var (second, secondBody) = await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstText, secondBody.GetRawText());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, server.Pool().SubmitCalls);
        Assert.Equal(5, server.Pool().JobCount);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_409()
    {
        await using var server = await WriteServer.StartAsync();
        await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-1");

        var (response, body) = await server.PostJsonAsync("/v1/jobs", """{"executable": "/bin/hostname", "count": 6}""", idempotencyKey: "k-1");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("urn:condoractors:problem:idempotency-key-reused", body.GetProperty("type").GetString());
        Assert.Equal(1, server.Pool().SubmitCalls);
    }

    [Fact]
    public async Task Keys_are_per_principal()
    {
        await using var server = await WriteServer.StartAsync();

        var (alice, aliceBody) = await server.PostJsonAsync("/v1/jobs", Body, principal: "alice", idempotencyKey: "k-1");
        var (bob, bobBody) = await server.PostJsonAsync("/v1/jobs", Body, principal: "bob", idempotencyKey: "k-1");

        Assert.Equal(HttpStatusCode.Created, alice.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bob.StatusCode);
        Assert.NotEqual(aliceBody.GetProperty("cluster").GetInt32(), bobBody.GetProperty("cluster").GetInt32());
        Assert.Equal(2, server.Pool().SubmitCalls);
    }

    [Fact]
    public async Task Twenty_concurrent_posts_with_one_key_submit_exactly_once()
    {
        await using var server = await WriteServer.StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "burst")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Response.StatusCode));
        Assert.Single(answers.Select(answer => answer.Body.GetRawText()).Distinct());
        Assert.Equal(1, server.Pool().SubmitCalls);
        Assert.Equal(5, server.Pool().JobCount);
    }

    [Fact]
    public async Task A_failure_after_the_submit_is_resolved_on_retry_by_asking_the_schedd()
    {
        FaultyScheduler? faulty = null;
        await using var server = await WriteServer.StartAsync(FaultyScheduler.Install(pool => faulty = new FaultyScheduler(pool) { FailAfterSubmit = true }));

        var (failed, _) = await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-crash");
        faulty!.FailAfterSubmit = false;
        var (retried, retriedBody) = await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-crash");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("1.0-1.4", retriedBody.GetProperty("job_ids").GetString());
        Assert.Equal(1, server.Pool().SubmitCalls);
        Assert.Equal(5, server.Pool().JobCount);
    }

    [Fact]
    public async Task A_crash_between_submit_and_ledger_write_does_not_double_submit_after_restart()
    {
        // The schedd outlives the controller: one pool shared by both server runs.
        var pool = new SimulatedCondorPool(new SimulatedPoolOptions { SeedJobs = 0 });
        var dataDir = Directory.CreateTempSubdirectory("condoractors-ledger-").FullName;
        try
        {
            string requestId;
            await using (var crashing = await WriteServer.StartAsync(FaultyScheduler.Install(p => new FaultyScheduler(p) { FailAfterSubmit = true }, pool), $"--condoractors:data-dir={dataDir}"))
            {
                var (failed, _) = await crashing.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-restart");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
                Assert.Equal(1, pool.SubmitCalls);
                requestId = pool.GetJob(new Domain.Condor.CondorJobId(1, 0))!.Evaluate("CondorActorsRequestId").TryGetString(out var id) ? id : "";
            }

            await using (var restarted = await WriteServer.StartAsync(FaultyScheduler.Install(p => new FaultyScheduler(p), pool), $"--condoractors:data-dir={dataDir}"))
            {
                var (retried, body) = await restarted.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-restart");

                Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
                Assert.Equal(1, body.GetProperty("cluster").GetInt32());
                Assert.Equal(requestId, body.GetProperty("request_id").GetString());
            }

            await using (var again = await WriteServer.StartAsync(FaultyScheduler.Install(p => new FaultyScheduler(p), pool), $"--condoractors:data-dir={dataDir}"))
            {
                var (replayed, _) = await again.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-restart");
                Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
            }

            Assert.Equal(1, pool.SubmitCalls);
            Assert.Equal(5, pool.JobCount);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_recovered_submission_whose_jobs_are_gone_from_the_queue_is_found_in_the_history()
    {
        FaultyScheduler? faulty = null;
        await using var server = await WriteServer.StartAsync(FaultyScheduler.Install(pool => faulty = new FaultyScheduler(pool) { FailAfterSubmit = true }));
        await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-hist");
        faulty!.FailAfterSubmit = false;
        await server.Pool().ActAsync(Domain.Condor.JobAction.Remove, Domain.Condor.JobTarget.ClusterOf(1));

        var (retried, body) = await server.PostJsonAsync("/v1/jobs", Body, idempotencyKey: "k-hist");

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("1.0-1.4", body.GetProperty("job_ids").GetString());
        Assert.Equal(1, server.Pool().SubmitCalls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("256")]
    public async Task Unusable_keys_are_400(string key)
    {
        key = key == "256" ? new string('k', 256) : key;
        await using var server = await WriteServer.StartAsync();
        using var request = await server.RequestAsync(HttpMethod.Post, "/v1/jobs", Body, "alice");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var (response, body) = await server.SendJsonAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Idempotency-Key", body.GetProperty("parameter").GetString());
        Assert.Equal(0, server.Pool().SubmitCalls);
    }
}
