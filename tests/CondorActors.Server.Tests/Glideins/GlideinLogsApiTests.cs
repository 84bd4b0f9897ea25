using System.Net;
using CondorActors.Server.Tests.Security;

namespace CondorActors.Server.Tests.Glideins;

/// <summary><c>GET /v1/glideins/{id}/logs</c>: listing, tail, and every way out of the glidein's folders refused.</summary>
public sealed class GlideinLogsApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private string _id = null!;
    private string _root = null!;
    private string _outside = null!;

    public async Task InitializeAsync()
    {
        _server = await GlideinServer.StartAsync(
            "--condoractors:sites:local:hpc-half-command:0=sleep", "--condoractors:sites:local:hpc-half-command:1=600",
            "--condoractors:sites:local:heartbeat-timeout=1h");
        var (_, body) = await _server.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", "{}");
        _id = body.GetProperty("glideins")[0].GetString()!;
        _root = _server.Sites().Find("local")!.FilesOf(_id).Root;
        var seen = "";

        // The local batch system creates the job's output file when the job starts.
        await GlideinServer.EventuallyAsync(
            async () =>
            {
                var (response, glidein) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}");
                seen = response.IsSuccessStatusCode ? glidein.ToString() : seen;
                return (Started: File.Exists(Path.Combine(_root, "batch", "batch.out")), LastSeen: seen);
            },
            probe => probe.Started,
            TimeSpan.FromSeconds(90),
            "batch job started");
        await File.WriteAllTextAsync(Path.Combine(_root, "batch", "batch.err"), "#!/bin/sh was here\n");
        var (_, now) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}");
        Assert.True(Directory.Exists(Path.Combine(_root, "log")), "glidein died early: " + now + " / " + seen);
        await File.WriteAllTextAsync(Path.Combine(_root, "log", "StartLog.0"), string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i}")) + "\n");
        _outside = Path.Combine(_server.DataDir, "secret.txt");
        await File.WriteAllTextAsync(_outside, "not yours");
    }

    public async Task DisposeAsync()
    {
        await _server.Client.SendAsync(HttpMethod.Delete, $"/v1/glideins/{_id}?force=true");
        await GlideinServer.EventuallyAsync(async () => (await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}")).Response.StatusCode, s => s == HttpStatusCode.NotFound, TimeSpan.FromSeconds(30), "cleanup");
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Without_file_lists_the_log_and_batch_files_with_sizes_but_not_config()
    {
        var (response, body) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = body.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("size").GetInt64());
        Assert.Equal(new FileInfo(Path.Combine(_root, "log", "StartLog.0")).Length, files["log/StartLog.0"]);
        Assert.Contains("batch/batch.out", files.Keys);
        Assert.DoesNotContain(files.Keys, f => f.StartsWith("config/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_file_answers_its_text_and_tail_its_last_lines()
    {
        var (whole, wholeBody) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/StartLog.0");
        var (tail, tailBody) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/StartLog.0&tail=3");
        var (script, scriptBody) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=batch/batch.err&tail=1000");

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("text/plain", whole.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("line 1\nline 2\n", wholeBody.GetString(), StringComparison.Ordinal);
        Assert.Equal("line 48\nline 49\nline 50\n", tailBody.GetString());
        Assert.Equal(HttpStatusCode.OK, tail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.StartsWith("#!/bin/sh", scriptBody.GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config/condor_config")]
    [InlineData("execute")]
    [InlineData("log")]
    [InlineData("../../secret.txt")]
    [InlineData("log/../config/condor_config")]
    [InlineData("log/./StartLog.0")]
    [InlineData("/etc/passwd")]
    [InlineData("log\\StartLog.0")]
    [InlineData("log//StartLog.0")]
    [InlineData("")]
    public async Task Paths_outside_the_log_and_batch_folders_are_400_naming_file(string file)
    {
        var (response, _) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file={Uri.EscapeDataString(file)}");

        var problem = await SecurityAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("file", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Symbolic_links_escaping_the_folder_are_400_and_links_inside_are_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "log", "escape"), _outside);
        Directory.CreateSymbolicLink(Path.Combine(_root, "log", "conf"), Path.Combine(_root, "config"));
        File.CreateSymbolicLink(Path.Combine(_root, "log", "inside"), Path.Combine(_root, "log", "StartLog.0"));

        var (escape, _) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/escape");
        var (throughDirectory, _) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/conf/condor_config");
        var (inside, insideBody) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/inside&tail=1");
        var (_, listing) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs");

        Assert.Equal("file", (await SecurityAssert.ProblemAsync(escape, HttpStatusCode.BadRequest, "invalid-parameter")).GetProperty("parameter").GetString());
        Assert.Equal("file", (await SecurityAssert.ProblemAsync(throughDirectory, HttpStatusCode.BadRequest, "invalid-parameter")).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal("line 50\n", insideBody.GetString());
        Assert.DoesNotContain(listing.GetProperty("files").EnumerateArray(), f => f.GetProperty("file").GetString() is "log/escape" or "log/inside" || f.GetProperty("file").GetString()!.StartsWith("log/conf", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("100001")]
    public async Task A_bad_tail_is_400_naming_tail(string tail)
    {
        var (response, _) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/StartLog.0&tail={tail}");

        Assert.Equal("tail", (await SecurityAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-parameter")).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_missing_file_inside_the_folders_is_404()
    {
        var (response, _) = await _server.Client.SendAsync(HttpMethod.Get, $"/v1/glideins/{_id}/logs?file=log/NoSuchLog");

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
