using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Batch.Pbs;

/// <summary>
/// PBS Professional / OpenPBS through qsub, qstat and qdel (argv only). Jobs are named
/// <c>{tag}-{name}</c> and carry <c>CONDORACTORS_TAG={tag}</c> in their variable list. The first
/// poll of an instance lists every job (<c>qstat -x -f -F json</c>) and keeps the tagged ones, so
/// jobs are found again after a restart; later polls ask for the known ids only, in one command.
/// <c>-x</c> includes finished jobs while the server keeps their history (job_history_duration).
/// </summary>
public sealed partial class PbsBatchSystem : IBatchSystem
{
    private static readonly string[] NotSent =
        ["cannot connect to server", "Connection refused", "No route to host", "errno=15010", "pbs_iff", "Server not available", "Communication failure"];

    private static readonly string[] MaybeSent = ["timed out", "Connection reset", "End of File"];

    private static readonly HashSet<string> ReservedOptions = new(StringComparer.Ordinal) { "-N", "-v", "-V", "-o", "-e" };

    private readonly PbsSiteOptions _options;
    private readonly IProcessRunner _runner;
    private readonly TimeProvider _timeProvider;
    private readonly BatchRetry _retry;
    private readonly KnownJobs _known = new();
    private volatile bool _discovered;

    public PbsBatchSystem(PbsSiteOptions options, IProcessRunner runner, TimeProvider? timeProvider = null)
    {
        _options = options;
        _runner = runner;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retry = new BatchRetry(options.Retry, _timeProvider);
    }

    public string Kind => "pbs";

    public async Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        var arguments = SubmitArguments(request);
        var result = await _retry.ExecuteAsync(
            token => RunClassifiedAsync(_options.QsubPath, arguments, request.Script, "qsub", token),
            cancellationToken,
            canRetry: ex => !ex.MayHaveTakenEffect).ConfigureAwait(false);
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        if (!JobIdPattern().IsMatch(line))
        {
            throw new BatchOutputFormatException($"qsub printed '{result.StandardOutput.Trim()}', not a job id.");
        }

        _known.Add(line);
        return line;
    }

    public async Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default)
    {
        var discovery = !_discovered;
        var ids = discovery ? [] : _known.ActiveIds().Union(expectedJobIds ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!discovery && ids.Count == 0)
        {
            return BatchStatusSnapshot.Empty(_timeProvider.GetUtcNow());
        }

        var (listed, unknownIds) = await _retry.ExecuteAsync(token => QueryAsync(ids, token), cancellationToken).ConfigureAwait(false);
        _discovered = true;
        var byId = listed.ToDictionary(j => j.JobId, StringComparer.Ordinal);
        var missing = _known.Reconcile(byId, expectedJobIds, out var remembered);
        var jobs = byId.ToImmutableDictionary(StringComparer.Ordinal).SetItems(remembered.Select(s => KeyValuePair.Create(s.JobId, s)));

        // qstat -x knows finished jobs until their history expires: what it does not know is gone.
        var vanished = missing.Select(id => new BatchJobStatus(id, BatchJobState.Vanished, string.Empty)
        {
            Reason = unknownIds.Contains(id) ? "qstat -x: Unknown Job Id (history expired)" : "not listed by qstat -x",
            Source = BatchStatusSource.Inferred,
        }).ToList();
        _known.Settle(vanished);
        return new BatchStatusSnapshot(_timeProvider.GetUtcNow(), jobs.SetItems(vanished.Select(s => KeyValuePair.Create(s.JobId, s))));
    }

    public async Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        await _retry.ExecuteAsync(
            async token =>
            {
                var result = await RunAsync(_options.QdelPath, [jobId], null, "qdel", token).ConfigureAwait(false);
                var stderr = result.StandardError;
                if (!result.Succeeded && !stderr.Contains("Unknown Job Id", StringComparison.OrdinalIgnoreCase) &&
                    !stderr.Contains("Job has finished", StringComparison.OrdinalIgnoreCase))
                {
                    throw BatchProcess.Classify(result, "qdel " + jobId, NotSent, MaybeSent);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    internal List<string> SubmitArguments(BatchJobRequest request)
    {
        var select = "select=" + request.Nodes.ToString(CultureInfo.InvariantCulture);
        if (request.TasksPerNode is { } tasks)
        {
            select += $":ncpus={tasks * (request.CpusPerTask ?? 1)}:mpiprocs={tasks}";
        }
        else if (request.CpusPerTask is { } cpus)
        {
            select += ":ncpus=" + cpus.ToString(CultureInfo.InvariantCulture);
        }

        // PBS Pro has no working-directory option: the script gets it as a variable and changes to it.
        var variables = PbsQstatJson.TagVariable + "=" + _options.Tag.Value +
            (request.WorkingDirectory is { } dir ? ",CONDORACTORS_WORKDIR=" + dir : string.Empty);
        var arguments = new List<string> { "-N", _options.Tag.JobName(request.Name), "-v", variables, "-l", select };
        if (request.Walltime is { } walltime)
        {
            var seconds = (long)Math.Ceiling(walltime.TotalSeconds);
            arguments.AddRange(["-l", string.Create(CultureInfo.InvariantCulture, $"walltime={seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")]);
        }

        AddPair(arguments, "-A", request.Account ?? _options.Account);
        AddPair(arguments, "-q", request.Queue ?? _options.Queue);
        AddPair(arguments, "-o", request.StandardOutputPath);
        AddPair(arguments, "-e", request.StandardErrorPath);
        foreach (var directive in request.ExtraDirectives)
        {
            var parts = directive.Split(' ', 2);
            if (ReservedOptions.Contains(parts[0]) || !_options.AllowedExtraDirectives.Contains(parts[0]))
            {
                throw new BatchRequestException($"Directive '{parts[0]}' is not allowed on this site.");
            }

            arguments.AddRange(parts);
        }

        return arguments;
    }

    private async Task<(List<BatchJobStatus> Jobs, HashSet<string> Unknown)> QueryAsync(IReadOnlyList<string> ids, CancellationToken token)
    {
        var result = await RunAsync(_options.QstatPath, ["-x", "-f", "-F", "json", .. ids], null, "qstat", token).ConfigureAwait(false);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        if (!result.Succeeded)
        {
            // With a list of ids, qstat reports each one it does not know and still prints the others.
            var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 0 || !lines.All(l => l.Contains("Unknown Job Id", StringComparison.OrdinalIgnoreCase)))
            {
                throw BatchProcess.Classify(result, "qstat", NotSent, MaybeSent);
            }

            unknown.UnionWith(lines.Select(l => l[(l.LastIndexOf(' ') + 1)..]));
        }

        // A listing of everything is filtered by the tag; a listing of our own ids is ours.
        return (PbsQstatJson.Parse(result.StandardOutput, ids.Count == 0 ? _options.Tag : null), unknown);
    }

    private Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string? stdin, string what, CancellationToken token) =>
        BatchProcess.RunAsync(_runner, program, arguments, stdin, _options.Environment, _options.CommandTimeout, what, token);

    private async Task<ProcessResult> RunClassifiedAsync(string program, IEnumerable<string> arguments, string? stdin, string what, CancellationToken token)
    {
        var result = await RunAsync(program, arguments, stdin, what, token).ConfigureAwait(false);
        return result.Succeeded ? result : throw BatchProcess.Classify(result, what, NotSent, MaybeSent);
    }

    private static void AddPair(List<string> arguments, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments.AddRange([option, value]);
        }
    }

    [GeneratedRegex(@"^\d+(\[\d*\])?(\.[\w.-]+)?$")]
    private static partial Regex JobIdPattern();
}
