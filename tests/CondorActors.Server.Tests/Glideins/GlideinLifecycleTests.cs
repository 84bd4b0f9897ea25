using System.Net;
using System.Text.Json;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Glideins;

/// <summary>
/// A glidein's whole life over HTTP on the real server with the embedded default's local site and
/// the simulated pool: the batch jobs run this build's <c>hpc-half</c>, the bridge halves
/// advertise into the simulated collector, and a simulated job claims a slot as a negotiator would.
/// </summary>
public sealed class GlideinLifecycleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_glideins_go_Pending_Advertising_Running_then_drain_and_kill_clean_them_up()
    {
        await using var server = await GlideinServer.StartAsync();
        var client = server.Client;

        var (requested, body) = await client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", """{"count": 2, "walltime": "30m"}""");
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var ids = body.GetProperty("glideins").EnumerateArray().Select(i => i.GetString()!).ToArray();
        var (a, b) = (ids[0], ids[1]);

        // Both reach Advertising: batch job running (the hpc-half's heartbeat fresh), slots advertised and willing.
        foreach (var id in ids)
        {
            await StateAsync(client, id, "Advertising");
        }

        var files = server.Sites().Find("local")!.FilesOf(a);
        await GlideinServer.EventuallyAsync(() => Task.FromResult(File.Exists(files.Heartbeat)), ok => ok, Patience, "the hpc-half's heartbeat in the batch folder");
        var (_, sites) = await client.SendAsync(HttpMethod.Get, "/v1/sites");
        Assert.Equal(2, sites.EnumerateArray().Single(s => s.GetProperty("site").GetString() == "local").GetProperty("counts").GetProperty("Advertising").GetInt32());

        // A job lands on a's slot: Running, with the job listed.
        var job = server.Pool().SubmitJobs(1, "alice")[0];
        server.Bridge().ClaimSlot(a, job);
        var running = await StateAsync(client, a, "Running");
        Assert.Equal([job.ToString()], running.GetProperty("claimed_jobs").EnumerateArray().Select(j => j.GetString()));
        var (_, listed) = await client.SendAsync(HttpMethod.Get, "/v1/glideins?state=running");
        Assert.Equal([a], listed.EnumerateArray().Select(g => g.GetProperty("id").GetString()));

        // Drain a: no new matches, its job may finish until the deadline.
        var (drain, drainBody) = await client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{a}?deadline=10m");
        Assert.Equal(HttpStatusCode.Accepted, drain.StatusCode);
        Assert.Equal("drain", drainBody.GetProperty("action").GetString());
        var draining = await StateAsync(client, a, "Draining");
        Assert.True(draining.GetProperty("drain_deadline").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(9));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{a}")).Response.StatusCode);

        // Kill b now: it dies and is cleaned up (retention 0): gone from the API, the collector and the disk.
        var (kill, killBody) = await client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{b}?force=true");
        Assert.Equal(HttpStatusCode.Accepted, kill.StatusCode);
        Assert.Equal("kill", killBody.GetProperty("action").GetString());
        await GoneAsync(client, b);
        Assert.False(Directory.Exists(server.Sites().Find("local")!.FilesOf(b).Root));
        Assert.Empty(await server.Sites().Find("local")!.Condor.QueryGlideinAdsAsync("local", b));

        // Force on the draining one: its job goes back to the queue, Idle without RemoteHost.
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{a}?force=true")).Response.StatusCode);
        await GoneAsync(client, a);
        Assert.False(Directory.Exists(files.Root));
        var ad = server.Pool().GetJob(job)!;
        Assert.True(ad.Evaluate("JobStatus").TryGetInteger(out var status) && status == (int)CondorJobStatus.Idle);
        Assert.False(ad.Evaluate("RemoteHost").TryGetString(out _));
        var (_, none) = await client.SendAsync(HttpMethod.Get, "/v1/glideins");
        Assert.Equal(0, none.GetArrayLength());
    }

    private static Task<JsonElement> StateAsync(HttpClient client, string id, string state) =>
        GlideinServer.EventuallyAsync(
            async () => (await client.SendAsync(HttpMethod.Get, $"/v1/glideins/{id}")).Body,
            b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("state", out var s) && s.GetString() == state,
            Patience,
            $"glidein {id} {state}");

    private static Task<HttpStatusCode> GoneAsync(HttpClient client, string id) =>
        GlideinServer.EventuallyAsync(
            async () => (await client.SendAsync(HttpMethod.Get, $"/v1/glideins/{id}")).Response.StatusCode,
            s => s == HttpStatusCode.NotFound,
            Patience,
            $"glidein {id} cleaned up");
}
