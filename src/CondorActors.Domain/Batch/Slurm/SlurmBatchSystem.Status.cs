using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace CondorActors.Domain.Batch.Slurm;

public sealed partial class SlurmBatchSystem
{
    public async Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default)
    {
        // The one command per poll: every job of ours, finished ones included until purged.
        string[] who = _options.User is { } user ? ["-u", user] : ["--me"];
        var result = await _retry.ExecuteAsync(
            token => RunAsync(_options.SqueuePath, [.. who, "-t", "all", "-h", "-O", SqueueOutput.FormatArgument], null, "squeue", token),
            cancellationToken).ConfigureAwait(false);
        var observedAt = _timeProvider.GetUtcNow();
        var listed = SqueueOutput.Parse(result.StandardOutput, _options.Tag).ToDictionary(j => j.JobId, StringComparer.Ordinal);

        var missing = _known.Reconcile(listed, expectedJobIds, out var remembered);
        var jobs = listed.ToImmutableDictionary(StringComparer.Ordinal).SetItems(remembered.Select(s => KeyValuePair.Create(s.JobId, s)));
        if (missing.Count > 0)
        {
            var resolved = await ResolveMissingAsync(missing, cancellationToken).ConfigureAwait(false);
            _known.Settle(resolved);
            jobs = jobs.SetItems(resolved.Select(s => KeyValuePair.Create(s.JobId, s)));
        }

        return new BatchStatusSnapshot(observedAt, jobs);
    }

    /// <summary>
    /// Jobs squeue no longer lists: the job-completion log first (a file, no command), then
    /// sacct when accounting is configured (one command for all), then <c>scontrol show job</c>
    /// per remaining job; "Invalid job id specified" there means purged with no record: Vanished.
    /// </summary>
    private async Task<List<BatchJobStatus>> ResolveMissingAsync(IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        var capabilities = await ProbeAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, BatchJobStatus>(StringComparer.Ordinal);
        if (capabilities.JobCompletionLogPath is { } jobCompPath)
        {
            foreach (var status in await SlurmJobCompletionLog.FindAsync(jobCompPath, missing, cancellationToken).ConfigureAwait(false))
            {
                found[status.JobId] = status;
            }
        }

        var open = missing.Where(id => !found.ContainsKey(id)).ToList();
        if (open.Count > 0 && capabilities.AccountingEnabled)
        {
            var result = await _retry.ExecuteAsync(
                token => RunAsync(_options.SacctPath, SacctOutput.Arguments(open), null, "sacct", token),
                cancellationToken).ConfigureAwait(false);
            foreach (var (id, status) in SacctOutput.Parse(result.StandardOutput).Where(p => open.Contains(p.Key)))
            {
                found[id] = status;
            }

            open = [.. open.Where(id => !found.ContainsKey(id))];
        }

        foreach (var id in open)
        {
            found[id] = await ShowJobAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return [.. found.Values];
    }

    private async Task<BatchJobStatus> ShowJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var result = await _retry.ExecuteAsync(
            token => RunAsync(_options.ScontrolPath, ["show", "job", "-o", jobId], null, "scontrol show job " + jobId, token, classify: false),
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (SlurmErrors.IsInvalidJobId(result.StandardError))
            {
                LogVanished(jobId);
                return new BatchJobStatus(jobId, BatchJobState.Vanished, string.Empty)
                {
                    Reason = "not in squeue; scontrol: Invalid job id specified (purged); no completion or accounting record",
                    Source = BatchStatusSource.Inferred,
                };
            }

            throw SlurmErrors.Classify(result, "scontrol show job " + jobId);
        }

        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? throw new BatchOutputFormatException($"scontrol show job {jobId} printed nothing.");
        return SlurmRecord.ToStatus(SlurmRecord.Parse(line), BatchStatusSource.JobDetail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slurm job {JobId} vanished: purged with no completion or accounting record")]
    private partial void LogVanished(string jobId);
}
