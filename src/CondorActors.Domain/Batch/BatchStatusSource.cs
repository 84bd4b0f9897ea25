namespace CondorActors.Domain.Batch;

/// <summary>Where a job's status came from, so operators can tell a queue answer from a follow-up.</summary>
public enum BatchStatusSource
{
    /// <summary>The batch system's queue listing (squeue, qstat, SFAPI's squeue view, the local process table).</summary>
    Queue,

    /// <summary>A per-job detail query for a job missing from the listing (scontrol show job).</summary>
    JobDetail,

    /// <summary>Accounting (sacct, SFAPI with sacct=true).</summary>
    Accounting,

    /// <summary>A job-completion record (Slurm jobcomp/filetxt, the local adapter's exit file).</summary>
    CompletionRecord,

    /// <summary>The adapter's own memory of a final state it saw in an earlier poll.</summary>
    Remembered,

    /// <summary>Nothing knows the job any more: the adapter concluded <see cref="BatchJobState.Vanished"/>.</summary>
    Inferred,
}
