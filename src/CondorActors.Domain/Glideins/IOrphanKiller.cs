namespace CondorActors.Domain.Glideins;

/// <summary>
/// Kills job processes a dead bridge half left behind. A SIGKILLed startd leaves its jobs running
/// as orphans (fixtures/condor/README.md), re-parented to init and so out of reach of a process
/// tree walk; they are found by working directory instead (starters run jobs in EXECUTE).
/// </summary>
public interface IOrphanKiller
{
    /// <summary>Kills every process whose working directory is inside <paramref name="executeDirectory"/>; returns how many.</summary>
    Task<int> KillOrphansAsync(string executeDirectory, CancellationToken cancellationToken = default);
}
