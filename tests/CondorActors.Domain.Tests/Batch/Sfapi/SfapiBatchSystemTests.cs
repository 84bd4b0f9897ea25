using System.Security.Cryptography;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Sfapi;

namespace CondorActors.Domain.Tests.Batch.Sfapi;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SfapiBatchSystemTests : IAsyncLifetime
{
    private static readonly BatchJobTag Tag = new("site");
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), "condoractors-sfapi-" + Guid.NewGuid().ToString("N") + ".pem");
    private readonly HttpClient _http = new();
    private SfapiTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SfapiTestServer.StartAsync(_key);
        WriteKeyFile(_keyFile, _key);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _key.Dispose();
        File.Delete(_keyFile);
    }

    [Fact]
    public async Task Submit_gets_a_token_posts_the_tagged_script_and_follows_the_task_to_the_job_id()
    {
        using var adapter = Create();

        var jobId = await adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\nsrun hostname\n", "g1") { Nodes = 2, Walltime = TimeSpan.FromMinutes(30) });

        Assert.Equal("5001", jobId);
        Assert.Equal(1, _server.TokensIssued);
        Assert.StartsWith(
            "#!/bin/bash\n#SBATCH --job-name=site-g1\n#SBATCH --comment=condoractors:site\n#SBATCH --export=NONE\n#SBATCH --nodes=2\n#SBATCH --time=0-00:30:00\n",
            _server.Scripts[jobId],
            StringComparison.Ordinal);
        Assert.EndsWith("srun hostname\n", _server.Scripts[jobId], StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count(r => r.StartsWith("GET /api/v1.2/tasks/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failed_submit_task_is_a_refusal_with_the_batch_systems_message()
    {
        using var adapter = Create();

        var error = await Assert.ThrowsAsync<BatchCommandException>(
            () => adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1") { Queue = "nonexistent" }));

        Assert.Contains("invalid partition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_many_jobs_is_one_request_and_sacct_only_for_jobs_squeue_lost()
    {
        using var adapter = Create();
        var running = await Submit(adapter, "a");
        var pending = await Submit(adapter, "b");
        var finished = await Submit(adapter, "c");
        _server.Squeue[running]["state"] = "RUNNING";
        _server.Squeue[running]["nodelist"] = "nid[001-002]";
        _server.Squeue.TryRemove(finished, out _);
        _server.Sacct[finished] = new JsonObjectBuilder { ["jobid"] = finished, ["jobname"] = "site-c", ["state"] = "FAILED", ["exitcode"] = "3:0" };
        _server.Requests.Clear();

        var first = await adapter.GetStatusAsync();
        var afterFirst = _server.Requests.ToList();
        _server.Requests.Clear();
        await adapter.GetStatusAsync();

        Assert.Equal(
            [$"GET /api/v1.2/compute/jobs/perlmutter?sacct=false&kwargs=jobid%3D{running}%2C{pending}%2C{finished}", $"GET /api/v1.2/compute/jobs/perlmutter?sacct=true&kwargs=jobid%3D{finished}"],
            afterFirst);
        Assert.Equal((BatchJobState.Running, "nid[001-002]"), (first.Jobs[running].State, first.Jobs[running].NodeList));
        Assert.Equal((BatchJobState.Pending, "Priority"), (first.Jobs[pending].State, first.Jobs[pending].Reason));
        Assert.Equal((BatchJobState.Failed, 3, BatchStatusSource.Accounting), (first.Jobs[finished].State, first.Jobs[finished].ExitCode, first.Jobs[finished].Source));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_job_neither_squeue_nor_sacct_knows_is_vanished()
    {
        using var adapter = Create();

        var snapshot = await adapter.GetStatusAsync(["4242"]);

        Assert.Equal((BatchJobState.Vanished, BatchStatusSource.Inferred), (snapshot.Jobs["4242"].State, snapshot.Jobs["4242"].Source));
    }

    [Fact]
    public async Task A_new_adapter_with_a_user_finds_tagged_jobs_it_never_submitted()
    {
        using var first = Create();
        var mine = await Submit(first, "mine");
        _server.Squeue["777"] = new JsonObjectBuilder { ["jobid"] = "777", ["name"] = "someone-else", ["state"] = "RUNNING" };

        using var second = Create(o => o with { User = "glidein" });
        var snapshot = await second.GetStatusAsync();

        Assert.Equal([mine], snapshot.Jobs.Keys);
        Assert.Contains("GET /api/v1.2/compute/jobs/perlmutter?sacct=false&kwargs=user%3Dglidein", _server.Requests);
    }

    [Fact]
    public async Task Cancel_deletes_the_job_and_an_unknown_job_is_not_an_error()
    {
        using var adapter = Create();
        var jobId = await Submit(adapter, "x");

        await adapter.CancelAsync(jobId);
        await adapter.CancelAsync("4242");
        var snapshot = await adapter.GetStatusAsync([jobId]);

        Assert.Contains($"DELETE /api/v1.2/compute/jobs/perlmutter/{jobId}", _server.Requests);
        Assert.Equal((BatchJobState.Cancelled, "CANCELLED by 71234", 15), (snapshot.Jobs[jobId].State, snapshot.Jobs[jobId].RawState, snapshot.Jobs[jobId].Signal));
    }

    [Fact]
    public async Task Busy_and_gateway_answers_are_retried_until_an_answer_comes()
    {
        using var adapter = Create(o => o with { Retry = new BatchRetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.Zero } });
        var jobId = await Submit(adapter, "x");
        _server.Fail(429, retryAfter: "0");
        _server.Fail(502);
        _server.Fail(503);
        _server.Fail(504);

        var snapshot = await adapter.GetStatusAsync();

        Assert.Equal(BatchJobState.Pending, snapshot.Jobs[jobId].State);
    }

    [Fact]
    public async Task Retry_after_is_carried_and_exhausted_retries_are_unavailability_not_a_state()
    {
        using var adapter = Create(o => o with { Retry = BatchRetryPolicy.None });
        var jobId = await Submit(adapter, "x");
        _server.Fail(429, retryAfter: "7");

        var error = await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync());
        var after = await adapter.GetStatusAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(BatchJobState.Pending, after.Jobs[jobId].State);
    }

    [Fact]
    public async Task A_request_that_outlives_its_timeout_is_unavailability()
    {
        using var adapter = Create(o => o with { Retry = BatchRetryPolicy.None, RequestTimeout = TimeSpan.FromMilliseconds(300) });
        await Submit(adapter, "x");
        _server.Fail(200, delay: TimeSpan.FromSeconds(1.5));

        var error = await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => adapter.GetStatusAsync());

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_request_repeated()
    {
        using var adapter = Create();
        var jobId = await Submit(adapter, "x");
        _server.RevokeAllTokens();

        var snapshot = await adapter.GetStatusAsync();

        Assert.Equal(BatchJobState.Pending, snapshot.Jobs[jobId].State);
        Assert.Equal(2, _server.TokensIssued);
    }

    [Fact]
    public async Task The_token_is_cached_and_renewed_before_it_expires()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var adapter = Create(time: clock);
        await Submit(adapter, "x");
        await adapter.GetStatusAsync();
        var cached = _server.TokensIssued;

        clock.Now += TimeSpan.FromSeconds(545);
        await adapter.GetStatusAsync();

        Assert.Equal(1, cached);
        Assert.Equal(2, _server.TokensIssued);
    }

    [Fact]
    public async Task A_key_the_token_endpoint_does_not_accept_is_a_refusal_that_shows_no_secret()
    {
        using var other = RSA.Create(2048);
        var otherKeyFile = _keyFile + ".other";
        WriteKeyFile(otherKeyFile, other);
        try
        {
            using var adapter = Create(o => o with { KeyFile = otherKeyFile });

            var error = await Assert.ThrowsAsync<BatchCommandException>(() => adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1")));

            Assert.Contains("401", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, _server.TokensIssued);
        }
        finally
        {
            File.Delete(otherKeyFile);
        }
    }

    [Fact]
    public async Task A_key_file_readable_by_others_is_refused()
    {
        File.SetUnixFileMode(_keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        using var adapter = Create();

        var error = await Assert.ThrowsAsync<BatchCommandException>(() => adapter.GetStatusAsync(["1"]));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slurm_load_jobs error: Unable to contact slurm controller (connect failure)", true)]
    [InlineData("squeue: error: Invalid user: nobody", false)]
    public async Task An_error_status_from_the_api_is_unavailability_only_when_Slurm_is_not_answering(string error, bool transient)
    {
        using var adapter = Create(o => o with { Retry = BatchRetryPolicy.None });
        var jobId = await Submit(adapter, "x");
        _server.JobsError = error;

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => adapter.GetStatusAsync());
        _server.JobsError = null;
        var after = await adapter.GetStatusAsync();

        Assert.Equal(transient ? typeof(BatchSystemUnavailableException) : typeof(BatchCommandException), thrown.GetType());
        Assert.Equal(BatchJobState.Pending, after.Jobs[jobId].State);
    }

    private static void WriteKeyFile(string path, RSA key)
    {
        File.WriteAllText(path, SfapiTestServer.ClientId + "\n" + key.ExportRSAPrivateKeyPem() + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static Task<string> Submit(SfapiBatchSystem adapter, string name) =>
        adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\nsleep 60\n", name));

    private SfapiBatchSystem Create(Func<SfapiSiteOptions, SfapiSiteOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SfapiSiteOptions
        {
            Tag = Tag,
            Machine = "perlmutter",
            KeyFile = _keyFile,
            ApiBaseUrl = _server.ApiUrl,
            TokenUrl = _server.TokenUrl,
            TaskPollInterval = TimeSpan.Zero,
            Retry = new BatchRetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.Zero },
        };
        return new SfapiBatchSystem(configure?.Invoke(options) ?? options, _http, time);
    }

    private sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
