using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Glideins;

public sealed partial class GlideinActor
{
    private async Task SubmitAsync()
    {
        _submitAttempts++;
        string jobId;
        try
        {
            _files.Create();
            if (State.Spec.Mode == GlideinMode.Split)
            {
                await File.WriteAllTextAsync(_files.StartdConfig, GlideinStartdConfig.Render(Settings, State, _files, batchJobId: null, willing: false)).ConfigureAwait(false);
            }

            var script = GlideinBatchScript.Render(Settings, State, _files);
            var request = new BatchJobRequest(script, _id)
            {
                Nodes = State.Spec.Nodes,
                Walltime = State.Spec.Walltime,
                WorkingDirectory = _files.Batch,
                StandardOutputPath = _files.BatchOutput,
                StandardErrorPath = _files.BatchError,
            };
            using var slot = await _site.Commands.EnterAsync().ConfigureAwait(false);
            using var timeout = StepTimeout();
            jobId = await _site.Batch.SubmitAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (BatchSystemUnavailableException ex) when (ex.MayHaveTakenEffect)
        {
            // The job may exist: the next poll finds it by name (adopted) or proves it absent (submit again).
            Log.LogSubmitUncertain(ex, _id);
            _submitWhenNotFound = true;
            return;
        }
        catch (Exception ex) when (ex is BatchSystemUnavailableException or OperationCanceledException && _submitAttempts < Settings.SubmitAttempts)
        {
            Log.LogSubmitRetry(ex, _id, _submitAttempts);
            Timers.StartSingleTimer(nameof(SubmitBatchJob), SubmitBatchJob.Instance, Backoff(_submitAttempts));
            return;
        }
        catch (Exception ex) when (ex is BatchCommandException or BatchRequestException or BatchSystemUnavailableException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            Persist(new BatchJobSubmitFailed(ex.Message, Now), Apply);
            return;
        }

        Persist(new BatchJobSubmitted(jobId, Now), async e =>
        {
            Apply(e);
            await StartBridgeAsync().ConfigureAwait(false);
        });
    }

    /// <summary>Split mode: the bridge startd advertises (unwilling) from the moment the batch job is queued.</summary>
    private async Task StartBridgeAsync()
    {
        if (State.Spec.Mode != GlideinMode.Split || State.BridgeStarted || !State.IsLive)
        {
            return;
        }

        try
        {
            await File.WriteAllTextAsync(_files.StartdConfig, GlideinStartdConfig.Render(Settings, State, _files, State.BatchJobId, willing: false)).ConfigureAwait(false);
            using var timeout = StepTimeout();
            var handle = await _site.Bridge.StartAsync(new BridgeStartRequest(_id, Settings.Name, State.BatchJobId, State.Spec, _files), timeout.Token).ConfigureAwait(false);
            Persist(new BridgeHalfStarted(handle.Pid, handle.StartTicks, Now), Apply);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.LogBridgeStartFailed(ex, _id);
            Persist(new GlideinDied(GlideinDeathCause.BridgeHalfExited, "bridge half did not start: " + ex.Message, Now), Apply);
        }
    }
}
