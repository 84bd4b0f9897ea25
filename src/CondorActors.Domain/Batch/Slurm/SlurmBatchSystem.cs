using System.Text.RegularExpressions;
using CondorActors.Kernel.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Domain.Batch.Slurm;

/// <summary>
/// Slurm through its command-line tools (sbatch, squeue, scontrol, sacct, scancel), run by argv.
/// Every job gets the site tag as name prefix and comment; one <c>squeue --me -t all</c> per poll
/// lists them all, including finished jobs until slurmctld purges them (MinJobAge).
/// </summary>
public sealed partial class SlurmBatchSystem : IBatchSystem
{
    private readonly SlurmSiteOptions _options;
    private readonly IProcessRunner _runner;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BatchRetry _retry;
    private readonly KnownJobs _known = new();
    private SlurmCapabilities? _capabilities;

    public SlurmBatchSystem(SlurmSiteOptions options, IProcessRunner runner, TimeProvider? timeProvider = null, ILogger<SlurmBatchSystem>? logger = null)
    {
        _options = options;
        _runner = runner;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SlurmBatchSystem>.Instance;
        _retry = new BatchRetry(options.Retry, _timeProvider)
        {
            OnRetry = (attempt, delay, ex) => LogRetry(attempt, delay.TotalMilliseconds, ex.Message),
        };
    }

    public string Kind => "slurm";

    /// <summary>
    /// Reads the installed Slurm's version, accounting and job-completion settings (once; cached).
    /// Call at site start-up so misconfiguration shows early; the status path calls it lazily,
    /// only when a job has left squeue.
    /// </summary>
    public async Task<SlurmCapabilities> ProbeAsync(CancellationToken cancellationToken = default)
    {
        if (_capabilities is { } known)
        {
            return known;
        }

        var result = await _retry.ExecuteAsync(
            token => RunAsync(_options.ScontrolPath, ["show", "config"], null, "scontrol show config", token),
            cancellationToken).ConfigureAwait(false);
        var capabilities = SlurmCapabilities.Parse(result.StandardOutput);
        if (_options.JobCompletionLogPath is { } configured)
        {
            capabilities = capabilities with { JobCompletionLogPath = configured };
        }

        LogProbed(capabilities.Version ?? "unknown", capabilities.SupportsJson, capabilities.AccountingEnabled, capabilities.JobCompletionLogPath ?? "none");
        _capabilities = capabilities;
        return capabilities;
    }

    public async Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        var arguments = SubmitArguments(request);
        var result = await _retry.ExecuteAsync(
            token => RunAsync(_options.SbatchPath, arguments, request.Script, "sbatch", token),
            cancellationToken,
            canRetry: ex => !ex.MayHaveTakenEffect).ConfigureAwait(false);

        // --parsable prints "jobid" or "jobid;cluster".
        var match = ParsableAnswer().Match(result.StandardOutput.Trim());
        if (!match.Success)
        {
            throw new BatchOutputFormatException($"sbatch --parsable printed '{result.StandardOutput.Trim()}', not 'jobid[;cluster]'.");
        }

        var jobId = match.Groups["id"].Value;
        _known.Add(jobId);
        LogSubmitted(jobId, arguments[1]);
        return jobId;
    }

    public async Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        await _retry.ExecuteAsync(
            async token =>
            {
                var result = await RunAsync(_options.ScancelPath, [jobId], null, "scancel", token, classify: false).ConfigureAwait(false);

                // Already ended or purged: the job is not running, which is what cancel wants.
                if (!result.Succeeded && !SlurmErrors.IsInvalidJobId(result.StandardError) &&
                    !result.StandardError.Contains("already completing or completed", StringComparison.Ordinal))
                {
                    throw SlurmErrors.Classify(result, "scancel " + jobId);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    internal List<string> SubmitArguments(BatchJobRequest request) =>
        ["--parsable", .. SlurmDirectives.Build(request, _options.Tag, _options.Partition, _options.Account, _options.Qos, _options.Constraint, _options.Export, _options.AllowedExtraDirectives)];

    /// <summary>Runs one Slurm command; failures to answer become <see cref="BatchSystemUnavailableException"/>.</summary>
    private async Task<ProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, string? standardInput, string what, CancellationToken cancellationToken, bool classify = true)
    {
        var result = await BatchProcess.RunAsync(
            _runner, program, arguments, standardInput, _options.Environment, _options.CommandTimeout, what, cancellationToken).ConfigureAwait(false);
        if (classify && !result.Succeeded)
        {
            throw SlurmErrors.Classify(result, what);
        }

        return result;
    }

    [GeneratedRegex(@"^(?<id>\d+)(;(?<cluster>\S+))?$")]
    private static partial Regex ParsableAnswer();

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitted Slurm job {JobId} ({NameArgument})")]
    private partial void LogSubmitted(string jobId, string nameArgument);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slurm unavailable, retry {Attempt} in {DelayMs} ms: {Error}")]
    private partial void LogRetry(int attempt, double delayMs, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slurm {Version}: squeue --json {Json} (text format used), accounting {Accounting}, job-completion log {JobComp}")]
    private partial void LogProbed(string version, bool json, bool accounting, string jobComp);
}
