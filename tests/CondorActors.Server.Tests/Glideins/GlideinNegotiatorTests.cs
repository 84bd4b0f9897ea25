using System.Net;
using System.Text.Json;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Glideins;

/// <summary>
/// On the simulated backend with its negotiator on (as the embedded default has it), a job
/// submitted over HTTP starts on a glidein's slot by itself: nothing calls ClaimSlot.
/// </summary>
public sealed class GlideinNegotiatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_submitted_job_runs_on_a_requested_glidein_with_no_help()
    {
        await using var server = await GlideinServer.StartAsync("--condoractors:condor:simulated:negotiation-interval=200ms");
        var client = server.Client;

        var (requested, body) = await client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", """{"count": 1, "walltime": "30m"}""");
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var id = body.GetProperty("glideins").EnumerateArray().Single().GetString()!;
        var (submitted, job) = await client.SendAsync(HttpMethod.Post, "/v1/jobs", """{"executable": "/bin/sleep", "arguments": "600"}""");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var jobId = new CondorJobId(job.GetProperty("cluster").GetInt32(), job.GetProperty("first_proc").GetInt32());

        // Idle while the glidein's slots are unwilling; Running on one of them once it is willing.
        var running = await GlideinServer.EventuallyAsync(
            async () => (await client.SendAsync(HttpMethod.Get, $"/v1/glideins/{id}")).Body,
            b => b.ValueKind == JsonValueKind.Object && b.GetProperty("state").GetString() == "Running",
            Patience,
            $"glidein {id} Running");
        Assert.Equal([jobId.ToString()], running.GetProperty("claimed_jobs").EnumerateArray().Select(j => j.GetString()));
        var ad = server.Pool().GetJob(jobId)!;
        Assert.True(ad.Evaluate("RemoteHost").TryGetString(out var host));
        Assert.Contains(host, running.GetProperty("startd_names").EnumerateArray().Select(n => n.GetString()));

        // The bridge half is a real process of this build (its bridge-half command) while the ads are up.
        var files = server.Sites().Find("local")!.FilesOf(id);
        var output = await GlideinServer.EventuallyAsync(
            () => Task.FromResult(File.Exists(Path.Combine(files.Log, "bridge.out")) ? File.ReadAllText(Path.Combine(files.Log, "bridge.out")) : string.Empty),
            text => text.Contains($"bridge-half: glidein {id} running", StringComparison.Ordinal),
            Patience,
            "the bridge-half's start line");
        Assert.Contains("running as pid", output, StringComparison.Ordinal);

        // Killed: the job goes back to the queue and is not restarted (no willing slot is left).
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{id}?force=true")).Response.StatusCode);
        await GlideinServer.EventuallyAsync(
            async () => (await client.SendAsync(HttpMethod.Get, $"/v1/glideins/{id}")).Response.StatusCode,
            status => status == HttpStatusCode.NotFound,
            Patience,
            $"glidein {id} cleaned up");
        ad = server.Pool().GetJob(jobId)!;
        Assert.True(ad.Evaluate("JobStatus").TryGetInteger(out var status) && status == (int)CondorJobStatus.Idle);
        Assert.Empty(await server.Sites().Find("local")!.Condor.QueryGlideinAdsAsync("local"));
    }
}
