using System.Collections.Immutable;
using System.Globalization;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Batch.Cobalt;

/// <summary>
/// Cobalt through qsub, qstat and qdel (argv only). The script is written to the site's job
/// directory (Cobalt's qsub takes a file) and submitted in script mode; one
/// <c>qstat -f -l -u USER</c> per poll lists all of the user's jobs, filtered by the name prefix.
/// Cobalt keeps no history, so a known job that leaves qstat is Vanished: the glidein's own
/// records (its output, its heartbeat) must tell how it ended.
/// </summary>
public sealed class CobaltBatchSystem : IBatchSystem
{
    private static readonly string[] NotSent = ["Failed to connect to", "component error", "ComponentLookupError", "Connection refused"];

    private static readonly string[] MaybeSent = ["timed out", "Connection reset"];

    private static readonly HashSet<string> ReservedOptions = new(StringComparer.Ordinal) { "--jobname", "--mode", "--cwd", "-o", "-e" };

    private readonly CobaltSiteOptions _options;
    private readonly IProcessRunner _runner;
    private readonly TimeProvider _timeProvider;
    private readonly BatchRetry _retry;
    private readonly KnownJobs _known = new();

    public CobaltBatchSystem(CobaltSiteOptions options, IProcessRunner runner, TimeProvider? timeProvider = null)
    {
        _options = options;
        _runner = runner;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retry = new BatchRetry(options.Retry, _timeProvider);
    }

    public string Kind => "cobalt";

    public async Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        var jobName = _options.Tag.JobName(request.Name);
        var arguments = SubmitArguments(request, jobName);
        Directory.CreateDirectory(_options.JobDirectory);
        var scriptPath = Path.Combine(_options.JobDirectory, jobName + ".sh");
        await File.WriteAllTextAsync(scriptPath, request.Script, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(scriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        arguments.Add(scriptPath);

        var result = await _retry.ExecuteAsync(
            token => RunClassifiedAsync(_options.QsubPath, arguments, "qsub", token),
            cancellationToken,
            canRetry: ex => !ex.MayHaveTakenEffect).ConfigureAwait(false);

        // qsub may print warnings before the id; the id is the last line.
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new BatchOutputFormatException($"Cobalt qsub printed '{result.StandardOutput.Trim()}', not a job id.");
        }

        _known.Add(line);
        return line;
    }

    public async Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default)
    {
        var user = _options.User ?? System.Environment.UserName;
        var result = await _retry.ExecuteAsync(
            token => RunClassifiedAsync(_options.QstatPath, ["-f", "-l", "-u", user], "qstat", token),
            cancellationToken).ConfigureAwait(false);
        var listed = CobaltQstatOutput.Parse(result.StandardOutput, _options.Tag).ToDictionary(j => j.JobId, StringComparer.Ordinal);
        var missing = _known.Reconcile(listed, expectedJobIds, out var remembered);
        var vanished = missing.Select(id => new BatchJobStatus(id, BatchJobState.Vanished, string.Empty)
        {
            Reason = "not in qstat; Cobalt keeps no history of finished jobs",
            Source = BatchStatusSource.Inferred,
        }).ToList();
        _known.Settle(vanished);
        var jobs = listed.ToImmutableDictionary(StringComparer.Ordinal)
            .SetItems(remembered.Concat(vanished).Select(s => KeyValuePair.Create(s.JobId, s)));
        return new BatchStatusSnapshot(_timeProvider.GetUtcNow(), jobs);
    }

    public async Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);

        // Cobalt's qdel of an unknown or finished job prints nothing and exits 0.
        await _retry.ExecuteAsync(token => RunClassifiedAsync(_options.QdelPath, [jobId], "qdel " + jobId, token), cancellationToken).ConfigureAwait(false);
    }

    internal List<string> SubmitArguments(BatchJobRequest request, string jobName)
    {
        var arguments = new List<string> { "-n", request.Nodes.ToString(CultureInfo.InvariantCulture) };
        if (request.Walltime is { } walltime)
        {
            // Cobalt's -t is in whole minutes.
            arguments.AddRange(["-t", Math.Max(1, (long)Math.Ceiling(walltime.TotalMinutes)).ToString(CultureInfo.InvariantCulture)]);
        }

        if ((request.Queue ?? _options.Queue) is { } queue)
        {
            arguments.AddRange(["-q", queue]);
        }

        if ((request.Account ?? _options.Project) is { } project)
        {
            arguments.AddRange(["-A", project]);
        }

        arguments.AddRange(["--jobname", jobName, "--cwd", request.WorkingDirectory ?? _options.JobDirectory]);
        if (request.StandardOutputPath is { } output)
        {
            arguments.AddRange(["-o", output]);
        }

        if (request.StandardErrorPath is { } error)
        {
            arguments.AddRange(["-e", error]);
        }

        foreach (var directive in request.ExtraDirectives)
        {
            var name = directive.Split('=', 2)[0];
            if (ReservedOptions.Contains(name) || !_options.AllowedExtraDirectives.Contains(name))
            {
                throw new BatchRequestException($"Directive '{name}' is not allowed on this site.");
            }

            arguments.Add(directive);
        }

        arguments.AddRange(["--mode", "script"]);
        return arguments;
    }

    private async Task<ProcessResult> RunClassifiedAsync(string program, IEnumerable<string> arguments, string what, CancellationToken token)
    {
        var result = await BatchProcess.RunAsync(_runner, program, arguments, null, _options.Environment, _options.CommandTimeout, what, token).ConfigureAwait(false);
        return result.Succeeded ? result : throw BatchProcess.Classify(result, what, NotSent, MaybeSent);
    }
}
