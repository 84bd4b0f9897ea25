namespace CondorActors.Domain.Condor;

/// <summary>A running daemon whose configuration <c>condor_config_val</c> can ask for.</summary>
public enum CondorDaemonKind
{
    Master,
    Schedd,
    Startd,
    Collector,
    Negotiator,
}
