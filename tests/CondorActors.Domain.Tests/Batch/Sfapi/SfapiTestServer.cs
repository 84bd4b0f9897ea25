using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CondorActors.Domain.Tests.Batch.Sfapi;

/// <summary>
/// A local stand-in for NERSC's token endpoint and Superfacility API v1.2 (as sfapi_client uses
/// it): the token endpoint verifies the private-key JWT against the client's public key;
/// API calls need a live bearer token (401 otherwise); submit answers a task id whose result
/// appears after a poll or two; job status answers squeue or sacct views; faults can be queued.
/// </summary>
internal sealed class SfapiTestServer : IAsyncDisposable
{
    public const string ClientId = "abcdefgh12345";
    private readonly WebApplication _app;
    private readonly RSA _clientKey;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<string, byte> _seenJti = new();
    private readonly ConcurrentDictionary<string, (string? JobId, string? Error, int PollsLeft)> _tasks = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, TimeSpan Delay)> _faults = new();
    private int _nextJob = 5000;
    private int _nextToken;

    private SfapiTestServer(WebApplication app, RSA clientKey)
    {
        _app = app;
        _clientKey = clientKey;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri TokenUrl => new(BaseUrl, "/token");

    public Uri ApiUrl => new(BaseUrl, "/api/v1.2/");

    public int TokenLifetimeSeconds { get; set; } = 600;

    public int TokensIssued => _nextToken;

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentDictionary<string, JsonObjectBuilder> Squeue { get; } = new();

    public ConcurrentDictionary<string, JsonObjectBuilder> Sacct { get; } = new();

    public ConcurrentDictionary<string, string> Scripts { get; } = new();

    /// <summary>When set, job status answers {"status":"ERROR","error":...} as the API does when Slurm fails behind it.</summary>
    public string? JobsError { get; set; }

    public static async Task<SfapiTestServer> StartAsync(RSA clientKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SfapiTestServer(app, clientKey);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>The next API requests (not token requests) answer these, in order.</summary>
    public void Fail(int status, string? retryAfter = null, TimeSpan delay = default) => _faults.Enqueue((status, retryAfter, delay));

    /// <summary>Every issued token stops working at once (as when tokens expire early).</summary>
    public void RevokeAllTokens() => _tokens.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/token", IssueTokenAsync);
        var api = app.MapGroup("/api/v1.2").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            Requests.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
            if (_faults.TryDequeue(out var fault))
            {
                await Task.Delay(fault.Delay, http.RequestAborted);
                if (fault.RetryAfter is not null)
                {
                    http.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                return Results.Json(new { detail = "injected fault" }, statusCode: fault.Status);
            }

            var header = http.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.Ordinal) &&
                _tokens.TryGetValue(header["Bearer ".Length..], out var expires) && expires > DateTimeOffset.UtcNow
                ? await next(context)
                : Results.Json(new { detail = "Unauthorized: token expired or invalid" }, statusCode: 401);
        });
        api.MapPost("/compute/jobs/{machine}", SubmitAsync);
        api.MapGet("/tasks/{id}", (string id) => PollTask(id));
        api.MapGet("/compute/jobs/{machine}", (string machine, bool sacct, string kwargs) => Jobs(sacct, kwargs));
        api.MapDelete("/compute/jobs/{machine}/{jobid}", (string machine, string jobid) => Cancel(jobid));
    }

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" ||
            form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" ||
            !VerifyAssertion(form["client_assertion"].ToString()))
        {
            return Results.Json(new { error = "invalid_client", error_description = "client authentication failed" }, statusCode: 401);
        }

        var token = "tok-" + Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        _tokens[token] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetimeSeconds);
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = TokenLifetimeSeconds });
    }

    private bool VerifyAssertion(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var signed = _clientKey.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var claims = payload.RootElement;
        return signed &&
            header.RootElement.GetProperty("alg").GetString() == "RS256" &&
            claims.GetProperty("iss").GetString() == ClientId &&
            claims.GetProperty("sub").GetString() == ClientId &&
            claims.GetProperty("aud").GetString() == TokenUrl.AbsoluteUri &&
            claims.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds() &&
            _seenJti.TryAdd(claims.GetProperty("jti").GetString()!, 0);
    }

    private async Task<IResult> SubmitAsync(HttpRequest request, string machine)
    {
        var form = await request.ReadFormAsync();
        if (machine != "perlmutter")
        {
            return Results.Json(new { detail = $"Unknown machine {machine}" }, statusCode: 404);
        }

        var script = form["job"].ToString();
        var taskId = "task-" + Guid.NewGuid().ToString("N")[..8];
        if (script.Contains("--partition=nonexistent", StringComparison.Ordinal))
        {
            _tasks[taskId] = (null, "sbatch: error: invalid partition specified: nonexistent", 1);
        }
        else
        {
            var jobId = Interlocked.Increment(ref _nextJob).ToString(CultureInfo.InvariantCulture);
            Scripts[jobId] = script;
            var name = Directive(script, "--job-name=");
            Squeue[jobId] = new JsonObjectBuilder { ["jobid"] = jobId, ["name"] = name, ["state"] = "PENDING", ["reason"] = "Priority", ["comment"] = Directive(script, "--comment=") };
            _tasks[taskId] = (jobId, null, 2);
        }

        return Results.Json(new { task_id = taskId, status = "OK", error = (string?)null });
    }

    private IResult PollTask(string id)
    {
        if (!_tasks.TryGetValue(id, out var task))
        {
            return Results.Json(new { detail = "no such task" }, statusCode: 404);
        }

        if (task.PollsLeft > 1)
        {
            _tasks[id] = task with { PollsLeft = task.PollsLeft - 1 };
            return Results.Json(new { id, status = "new", result = (string?)null });
        }

        var result = task.Error is null
            ? JsonSerializer.Serialize(new { status = "ok", jobid = task.JobId, error = (string?)null })
            : JsonSerializer.Serialize(new { status = "error", jobid = (string?)null, error = task.Error });
        return Results.Json(new { id, status = "completed", result });
    }

    private IResult Jobs(bool sacct, string kwargs)
    {
        if (JobsError is { } error)
        {
            return Results.Json(new { status = "ERROR", output = Array.Empty<object>(), error });
        }

        var source = sacct ? Sacct : Squeue;
        IEnumerable<JsonObjectBuilder> jobs = kwargs.StartsWith("jobid=", StringComparison.Ordinal)
            ? kwargs["jobid=".Length..].Split(',').Where(source.ContainsKey).Select(id => source[id])
            : source.Values;
        return Results.Json(new { status = "OK", output = jobs.ToList(), error = (string?)null });
    }

    private IResult Cancel(string jobId)
    {
        if (!Squeue.TryRemove(jobId, out var job))
        {
            return Results.Json(new { status = "ERROR", output = (object?)null, error = $"scancel: error: Kill job error on job id {jobId}: Invalid job id specified" });
        }

        Sacct[jobId] = new JsonObjectBuilder { ["jobid"] = jobId, ["jobname"] = job["name"], ["state"] = "CANCELLED by 71234", ["exitcode"] = "0:15" };
        return Results.Json(new { status = "OK", output = new { }, error = (string?)null });
    }

    private static string? Directive(string script, string prefix) =>
        script.Split('\n').Where(l => l.StartsWith("#SBATCH " + prefix, StringComparison.Ordinal)).Select(l => l[("#SBATCH " + prefix).Length..]).FirstOrDefault();
}

/// <summary>A job record as the API serializes it: field name to string value.</summary>
internal sealed class JsonObjectBuilder : Dictionary<string, string?>
{
}
