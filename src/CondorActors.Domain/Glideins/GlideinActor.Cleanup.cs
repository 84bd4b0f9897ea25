using System.Globalization;
using CondorActors.Domain.Condor;

namespace CondorActors.Domain.Glideins;

public sealed partial class GlideinActor
{
    /// <summary>
    /// Runs the next cleanup step (or sub-step) and persists its outcome; the next one runs on the
    /// next message, so the mailbox stays responsive (queries, the site's observations) and every
    /// external effect is recorded before the next begins.
    /// </summary>
    private async Task CleanupAsync()
    {
        if (State.NextCleanupStep is not { } step)
        {
            Persist(new GlideinCleanedUp(Now), e =>
            {
                Apply(e);
                Finish();
            });
            return;
        }

        if (step == CleanupStep.RemoveDirectory && State.DiedAt is { } diedAt && diedAt + Settings.Retention > Now)
        {
            Timers.StartSingleTimer(nameof(RunCleanup), RunCleanup.Instance, diedAt + Settings.Retention - Now);
            return;
        }

        IGlideinEvent outcome;
        try
        {
            // The slot is taken before the step's timeout starts: waiting behind other glideins'
            // commands is not the command being slow.
            using var slot = RunsCommands(step) ? await _site.Commands.EnterAsync().ConfigureAwait(false) : null;
            using var timeout = StepTimeout();
            outcome = await RunStepAsync(step, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var attempt = State.FailedAttempts + 1;
            Log.LogCleanupStepFailed(ex, _id, step, attempt);
            if (ex is GlideinCleanupException { VacateResent: { Count: > 0 } resent })
            {
                Persist(new GlideinJobsVacated(resent, Now) { Resent = true }, Apply);
            }

            Persist(new CleanupStepFailed(step, attempt, ex.Message, Now), e =>
            {
                Apply(e);
                Timers.StartSingleTimer(nameof(RunCleanup), RunCleanup.Instance, Backoff(attempt));
            });
            return;
        }

        Persist(outcome, e =>
        {
            Apply(e);
            Self.Tell(RunCleanup.Instance, Self);
        });
    }

    /// <summary>Whether the step runs condor or batch commands (and so needs one of the site's command slots).</summary>
    private bool RunsCommands(CleanupStep step) => step switch
    {
        CleanupStep.CancelBatchJob => State.BatchJobId is not null && !BatchJobEnded,
        CleanupStep.InvalidateAds or CleanupStep.VacateJobs => true,
        _ => false,
    };

    private bool BatchJobEnded => State.DeathCause is GlideinDeathCause.BatchJobCompleted or GlideinDeathCause.BatchJobFailed
        or GlideinDeathCause.BatchJobCancelled or GlideinDeathCause.BatchJobTimedOut or GlideinDeathCause.BatchJobVanished;

    private async Task<IGlideinEvent> RunStepAsync(CleanupStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case CleanupStep.CancelBatchJob:
                return Done(step, await CancelBatchJobAsync(cancellationToken).ConfigureAwait(false));

            case CleanupStep.StopBridgeHalf:
                if (State.Spec.Mode != GlideinMode.Split || !State.BridgeStarted)
                {
                    return Done(step, "no bridge half");
                }

                await _site.Bridge.StopAsync(_id, new BridgeHandle(State.BridgePid, State.BridgeStartTicks), cancellationToken).ConfigureAwait(false);
                return Done(step, "stopped");

            case CleanupStep.InvalidateAds:
                // condor_advertise reports success even when nothing matched: only a query proves it.
                await _site.Condor.InvalidateStartdAdsAsync(_id, cancellationToken).ConfigureAwait(false);
                var left = await _site.Condor.QueryGlideinAdsAsync(Settings.Name, _id, cancellationToken).ConfigureAwait(false);
                return left.Count == 0
                    ? Done(step, "no ad left in the collector")
                    : throw new GlideinCleanupException($"{left.Count} ads still in the collector after INVALIDATE_STARTD_ADS");

            case CleanupStep.VacateJobs:
                return await VacateAsync(cancellationToken).ConfigureAwait(false);

            case CleanupStep.KillOrphans:
                var killed = await _site.Orphans.KillOrphansAsync(_files.Execute, cancellationToken).ConfigureAwait(false);
                return Done(step, killed == 0 ? "no orphaned process" : string.Create(CultureInfo.InvariantCulture, $"killed {killed} orphaned processes"));

            case CleanupStep.RemoveDirectory:
                _files.Remove(Settings.ArchiveDirectory);
                return Done(step, Settings.ArchiveDirectory is null ? "deleted " + _files.Root : "archived to " + Settings.ArchiveDirectory);

            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private async Task<string> CancelBatchJobAsync(CancellationToken cancellationToken)
    {
        if (State.BatchJobId is not { } jobId)
        {
            return "no batch job";
        }

        if (BatchJobEnded)
        {
            return $"batch job {jobId} already ended";
        }

        await _site.Batch.CancelAsync(jobId, cancellationToken).ConfigureAwait(false);
        return $"batch job {jobId} cancelled";
    }

    /// <summary>
    /// Record the jobs, vacate them, verify them: three sub-steps, each persisted. A verification
    /// that fails after an earlier one already failed sends the vacate again for the jobs still
    /// not released (condor_vacate_job is harmless when repeated: a job no longer running is
    /// refused, not harmed), so a lost or refused vacate does not leave the step waiting forever;
    /// the re-send is persisted with the failure, and the backoff gives it time to take effect.
    /// </summary>
    private async Task<IGlideinEvent> VacateAsync(CancellationToken cancellationToken)
    {
        if (State.RecordedJobs is null)
        {
            var jobs = await _site.Condor.QueryJobsOnAsync(_id, cancellationToken).ConfigureAwait(false);
            return new GlideinJobsRecorded([.. jobs.Select(j => j.Id.ToString())], Now);
        }

        var ids = State.RecordedJobs.Select(ParseJobId).ToList();
        if (ids.Count == 0)
        {
            return Done(CleanupStep.VacateJobs, "no job was running on it");
        }

        if (!State.JobsVacateSent)
        {
            await _site.Condor.VacateJobsAsync(ids, cancellationToken).ConfigureAwait(false);
            return new GlideinJobsVacated([.. State.RecordedJobs], Now);
        }

        var now = await _site.Condor.GetJobsAsync(ids, cancellationToken).ConfigureAwait(false);
        var stuck = now.Where(j => !j.IsReleased).ToList();
        if (stuck.Count == 0)
        {
            return Done(CleanupStep.VacateJobs, "jobs back in the queue: " + string.Join(' ', State.RecordedJobs));
        }

        var detail = "not yet Idle without RemoteHost: " + string.Join(' ', stuck.Select(j => $"{j.Id} ({j.Status}, {j.RemoteHost})"));
        if (State.FailedAttempts == 0)
        {
            // The first check right after the send: the shadows need a few seconds to exit.
            throw new GlideinCleanupException(detail);
        }

        var again = stuck.Select(j => j.Id).ToList();
        await _site.Condor.VacateJobsAsync(again, cancellationToken).ConfigureAwait(false);
        throw new GlideinCleanupException(detail + "; vacate re-sent") { VacateResent = [.. again.Select(id => id.ToString())] };
    }

    private CleanupStepCompleted Done(CleanupStep step, string detail) => new(step, detail, Now);

    private static CondorJobId ParseJobId(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return new CondorJobId(
            int.Parse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
