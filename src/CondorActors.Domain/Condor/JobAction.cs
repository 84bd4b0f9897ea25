namespace CondorActors.Domain.Condor;

/// <summary>What a job-control request does; each is one HTCondor tool.</summary>
public enum JobAction
{
    /// <summary><c>condor_rm</c>.</summary>
    Remove,

    /// <summary><c>condor_hold</c>.</summary>
    Hold,

    /// <summary><c>condor_release</c>.</summary>
    Release,

    /// <summary><c>condor_vacate_job</c>.</summary>
    Vacate,
}
