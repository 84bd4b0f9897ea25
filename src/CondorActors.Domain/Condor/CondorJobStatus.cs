namespace CondorActors.Domain.Condor;

/// <summary>The <c>JobStatus</c> attribute's values.</summary>
public enum CondorJobStatus
{
    Idle = 1,
    Running = 2,
    Removed = 3,
    Completed = 4,
    Held = 5,
    TransferringOutput = 6,
    Suspended = 7,
}
