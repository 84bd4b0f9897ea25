namespace CondorActors.Domain.Condor;

/// <summary>Which HTCondor the server talks to. Always visible to clients: never pass simulated data off as real.</summary>
public enum CondorBackendKind
{
    /// <summary>The real pool, through HTCondor's command-line tools.</summary>
    Cli,

    /// <summary>An in-process simulated pool (tests, demos, machines without HTCondor).</summary>
    Simulated,
}
