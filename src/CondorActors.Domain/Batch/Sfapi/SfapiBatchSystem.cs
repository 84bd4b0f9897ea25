using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CondorActors.Domain.Batch.Slurm;

namespace CondorActors.Domain.Batch.Sfapi;

/// <summary>
/// A Slurm site reached through NERSC's Superfacility API v1.2. Submit posts the script (with the
/// tag and resources as #SBATCH lines) and follows the returned task until it yields the job id;
/// status is one <c>GET compute/jobs/{machine}?kwargs=jobid=1,2,3</c> per poll, plus one with
/// <c>sacct=true</c> for jobs squeue no longer knows; cancel is <c>DELETE compute/jobs/{machine}/{id}</c>.
/// </summary>
public sealed class SfapiBatchSystem : IBatchSystem, IDisposable
{
    private readonly SfapiSiteOptions _options;
    private readonly SfapiConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly BatchRetry _retry;
    private readonly KnownJobs _known = new();
    private volatile bool _discovered;

    /// <param name="http">A client without a base address or auth header; the adapter builds absolute URLs.</param>
    public SfapiBatchSystem(SfapiSiteOptions options, HttpClient http, TimeProvider? timeProvider = null)
    {
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _connection = new SfapiConnection(http, options, _timeProvider);
        _retry = new BatchRetry(options.Retry, _timeProvider);
    }

    public string Kind => "sfapi";

    internal int TokensFetched => _connection.TokensFetched;

    public async Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        var script = TaggedScript(request);
        using var answer = await _retry.ExecuteAsync(
            token => _connection.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, Url($"compute/jobs/{_options.Machine}"))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["job"] = script, ["isPath"] = "false" }),
                },
                "submit",
                mayTakeEffect: true,
                token),
            cancellationToken,
            canRetry: ex => !ex.MayHaveTakenEffect).ConfigureAwait(false);
        if (SfapiJobs.Text(answer.RootElement, "status") is { } status && status.Equals("ERROR", StringComparison.OrdinalIgnoreCase))
        {
            throw new BatchCommandException("Superfacility API refused the submission: " + SfapiJobs.Text(answer.RootElement, "error"));
        }

        var taskId = SfapiJobs.Text(answer.RootElement, "task_id")
            ?? throw new BatchOutputFormatException("Superfacility API submit answered without a task_id.");
        var jobId = await WaitForJobIdAsync(taskId, cancellationToken).ConfigureAwait(false);
        _known.Add(jobId);
        return jobId;
    }

    public async Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default)
    {
        var discovery = !_discovered && _options.User is not null;
        var ids = _known.ActiveIds().Union(expectedJobIds ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!discovery && ids.Count == 0)
        {
            return BatchStatusSnapshot.Empty(_timeProvider.GetUtcNow());
        }

        var query = discovery ? "user=" + _options.User : "jobid=" + string.Join(',', ids);
        var listed = new Dictionary<string, BatchJobStatus>(StringComparer.Ordinal);
        foreach (var item in await GetJobsAsync(sacct: false, query, cancellationToken).ConfigureAwait(false))
        {
            var status = SfapiJobs.FromSqueue(item);
            if (!discovery || _options.Tag.Matches(status.Name, SfapiJobs.Text(item, "comment")))
            {
                listed[status.JobId] = status;
            }
        }

        _discovered = true;
        var missing = _known.Reconcile(listed, expectedJobIds, out var remembered);
        var jobs = listed.ToImmutableDictionary(StringComparer.Ordinal).SetItems(remembered.Select(s => KeyValuePair.Create(s.JobId, s)));
        if (missing.Count > 0)
        {
            var resolved = new List<BatchJobStatus>();
            var accounted = (await GetJobsAsync(sacct: true, "jobid=" + string.Join(',', missing), cancellationToken).ConfigureAwait(false))
                .Select(SfapiJobs.FromSacct)
                .GroupBy(s => s.JobId)
                .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            foreach (var id in missing)
            {
                resolved.Add(accounted.GetValueOrDefault(id) ?? new BatchJobStatus(id, BatchJobState.Vanished, string.Empty)
                {
                    Reason = "unknown to squeue and sacct through the Superfacility API",
                    Source = BatchStatusSource.Inferred,
                });
            }

            _known.Settle(resolved);
            jobs = jobs.SetItems(resolved.Select(s => KeyValuePair.Create(s.JobId, s)));
        }

        return new BatchStatusSnapshot(_timeProvider.GetUtcNow(), jobs);
    }

    public async Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        using var answer = await _retry.ExecuteAsync(
            token => _connection.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Delete, Url($"compute/jobs/{_options.Machine}/{Uri.EscapeDataString(jobId)}")),
                "cancel",
                mayTakeEffect: false,
                token),
            cancellationToken).ConfigureAwait(false);
        if (SfapiJobs.Text(answer.RootElement, "status") is { } status && status.Equals("ERROR", StringComparison.OrdinalIgnoreCase))
        {
            var error = SfapiJobs.Text(answer.RootElement, "error") ?? string.Empty;

            // An ended or purged job is not running, which is what cancel wants.
            if (!SlurmErrors.IsInvalidJobId(error) && !error.Contains("already completing or completed", StringComparison.Ordinal))
            {
                throw SfapiJobs.IsSlurmDown(error)
                    ? new BatchSystemUnavailableException("Superfacility API cancel: " + error)
                    : new BatchCommandException("Superfacility API cancel failed: " + error);
            }
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The script with the tag and resources inserted as #SBATCH lines right after its first (#!) line.</summary>
    internal string TaggedScript(BatchJobRequest request)
    {
        if (!request.Script.StartsWith("#!", StringComparison.Ordinal))
        {
            throw new BatchRequestException("A Superfacility API job script must start with #!.");
        }

        var directives = SlurmDirectives.Build(request, _options.Tag, _options.Partition, _options.Account, _options.Qos, _options.Constraint, _options.Export, _options.AllowedExtraDirectives);
        var firstLineEnd = request.Script.IndexOf('\n', StringComparison.Ordinal);
        var builder = new StringBuilder();
        builder.Append(firstLineEnd < 0 ? request.Script : request.Script[..firstLineEnd]).Append('\n');
        foreach (var directive in directives)
        {
            builder.Append("#SBATCH ").Append(directive).Append('\n');
        }

        if (firstLineEnd >= 0)
        {
            builder.Append(request.Script.AsSpan(firstLineEnd + 1));
        }

        return builder.ToString();
    }

    private async Task<string> WaitForJobIdAsync(string taskId, CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow() + _options.TaskTimeout;
        while (true)
        {
            using var task = await _retry.ExecuteAsync(
                token => _connection.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url("tasks/" + Uri.EscapeDataString(taskId))), "task poll", false, token),
                cancellationToken).ConfigureAwait(false);
            var status = SfapiJobs.Text(task.RootElement, "status") ?? string.Empty;
            var result = SfapiJobs.Text(task.RootElement, "result");
            if (status.Equals("error", StringComparison.OrdinalIgnoreCase) || status.Equals("failed", StringComparison.OrdinalIgnoreCase))
            {
                throw new BatchCommandException($"Superfacility API submit task {taskId} failed: {result}");
            }

            if (result is not null)
            {
                return JobIdFromResult(taskId, result);
            }

            if (_timeProvider.GetUtcNow() >= deadline)
            {
                throw new BatchSystemUnavailableException(
                    $"Superfacility API submit task {taskId} gave no result within {_options.TaskTimeout.TotalSeconds:F0} s; the job may exist.",
                    mayHaveTakenEffect: true);
            }

            await Task.Delay(_options.TaskPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The task's result is itself a JSON string: {"status": "ok", "jobid": "123", "error": null}.</summary>
    private static string JobIdFromResult(string taskId, string result)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result);
        }
        catch (JsonException ex)
        {
            throw new BatchOutputFormatException($"Superfacility API task {taskId} result is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (SfapiJobs.Text(document.RootElement, "status") is { } status && status.Equals("error", StringComparison.OrdinalIgnoreCase))
            {
                throw new BatchCommandException($"Superfacility API submit failed: {SfapiJobs.Text(document.RootElement, "error")}");
            }

            return SfapiJobs.Text(document.RootElement, "jobid") is { Length: > 0 } jobId
                ? jobId
                : throw new BatchOutputFormatException($"Superfacility API task {taskId} result has no jobid.");
        }
    }

    private async Task<IReadOnlyList<JsonElement>> GetJobsAsync(bool sacct, string kwargs, CancellationToken cancellationToken)
    {
        var url = Url($"compute/jobs/{_options.Machine}?sacct={(sacct ? "true" : "false")}&kwargs={Uri.EscapeDataString(kwargs)}");
        using var answer = await _retry.ExecuteAsync(
            token => _connection.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), sacct ? "job status (sacct)" : "job status", false, token),
            cancellationToken).ConfigureAwait(false);

        // Clone: the elements outlive the document.
        return [.. SfapiJobs.Output(answer, "job status").Select(e => e.Clone())];
    }

    private Uri Url(string relative) => new(_options.ApiBaseUrl, relative);
}
