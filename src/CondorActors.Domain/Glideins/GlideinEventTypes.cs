using CondorActors.Kernel.Persistence;

namespace CondorActors.Domain.Glideins;

/// <summary>Stable manifests of the glideins' persisted events. Never rename one; add a new version instead.</summary>
public static class GlideinEventTypes
{
    public static void Register(EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .Register<GlideinRequested>("glidein-requested.v1")
            .Register<BatchJobSubmitted>("glidein-batch-job-submitted.v1")
            .Register<BatchJobSubmitFailed>("glidein-batch-job-submit-failed.v1")
            .Register<BridgeHalfStarted>("glidein-bridge-half-started.v1")
            .Register<BatchJobObservedRunning>("glidein-batch-job-running.v1")
            .Register<GlideinObservedAdvertising>("glidein-observed-advertising.v1")
            .Register<GlideinObservedClaimed>("glidein-observed-claimed.v1")
            .Register<GlideinObservedIdle>("glidein-observed-idle.v1")
            .Register<GlideinDrainRequested>("glidein-drain-requested.v1")
            .Register<GlideinDied>("glidein-died.v1")
            .Register<GlideinJobsRecorded>("glidein-jobs-recorded.v1")
            .Register<GlideinJobsVacated>("glidein-jobs-vacated.v1")
            .Register<CleanupStepCompleted>("glidein-cleanup-step-completed.v1")
            .Register<CleanupStepFailed>("glidein-cleanup-step-failed.v1")
            .Register<GlideinCleanedUp>("glidein-cleaned-up.v1")
            .Register<SiteGlideinAdded>("site-glidein-added.v1")
            .Register<SiteGlideinRemoved>("site-glidein-removed.v1");
    }
}
