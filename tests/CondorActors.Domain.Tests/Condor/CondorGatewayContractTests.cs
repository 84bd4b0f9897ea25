using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;
using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>The contract against the CLI adapter replaying the real recordings.</summary>
public sealed class CliGatewayContractTests : CondorGatewayContract
{
    private protected override ICondorGateway Gateway(string recording) =>
        new CondorCliGateway(new ReplayProcessRunner(CondorRecording.Load(recording)), new CondorOptions());
}

/// <summary>The contract against the simulated pool, loaded with the ads of the same recordings.</summary>
public sealed class SimulatedPoolContractTests : CondorGatewayContract
{
    private protected override ICondorGateway Gateway(string recording) => RecordedPool.Create();
}

/// <summary>A simulated pool holding what the recorded pool held.</summary>
internal static class RecordedPool
{
    public static SimulatedCondorPool Create()
    {
        var pool = new SimulatedCondorPool(new SimulatedPoolOptions { Empty = true });
        foreach (var job in CondorRecording.Load("condor_q_-json").Ads())
        {
            pool.ImportJob(job);
        }

        // condor_history prints newest first; the history grows oldest first.
        foreach (var job in CondorRecording.Load("condor_history_-json").Ads().Reverse())
        {
            pool.ImportHistory(job);
        }

        foreach (var name in new[] { "condor_status_-json", "condor_status_-schedd_-json", "condor_status_-collector_-json", "condor_status_-master_-json", "condor_status_-negotiator_-json" })
        {
            foreach (var ad in CondorRecording.Load(name).Ads())
            {
                pool.Advertise(ad);
            }
        }

        pool.SetConfig("COLLECTOR_HOST", CondorRecording.Load("condor_config_val_COLLECTOR_HOST").StandardOutput.Trim());
        pool.SetConfig("NEGOTIATOR_INTERVAL", CondorRecording.Load("condor_config_val_-schedd_NEGOTIATOR_INTERVAL").StandardOutput.Trim());
        return pool;
    }
}
