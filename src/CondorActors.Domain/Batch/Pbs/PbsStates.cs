using System.Collections.Frozen;

namespace CondorActors.Domain.Batch.Pbs;

/// <summary>
/// PBS Professional job states (qstat(1B) "Job States") and the exit-status rules that decide how
/// a finished (F) or finished-subjob (X) job ended. Mirrored in docs/batch-systems.md.
/// </summary>
public static class PbsStates
{
    /// <summary>The letter table; F and X are resolved by <see cref="MapFinished"/>.</summary>
    public static BatchStateTable Table { get; } = new("pbs",
    [
        new("B", BatchJobState.Running, "Array job: at least one subjob has started."),
        new("E", BatchJobState.Completing, "Exiting after having run."),
        new("F", BatchJobState.Completed, "Finished (history, qstat -x); the exit status decides the final state."),
        new("H", BatchJobState.Held, "Held (user, operator, system or bad password)."),
        new("M", BatchJobState.Vanished, "Moved to another server; this server no longer runs it and the controller does not follow moves."),
        new("Q", BatchJobState.Pending, "Queued, eligible to run or be routed."),
        new("R", BatchJobState.Running, "Running."),
        new("S", BatchJobState.Held, "Suspended (preempted by suspension or by an operator); resumes only when told."),
        new("T", BatchJobState.Pending, "In transit to a new location."),
        new("U", BatchJobState.Held, "Cycle-harvesting job suspended because its workstation became busy."),
        new("W", BatchJobState.Pending, "Waiting for its execution time (qsub -a) or for a stage-in."),
        new("X", BatchJobState.Completed, "Subjob finished or deleted (history); the exit status decides the final state."),
    ]);

    /// <summary>PBS's own negative exit statuses (OpenPBS job.h JOB_EXEC_*), by code.</summary>
    public static FrozenDictionary<int, (string Name, BatchJobState State)> NegativeExitStatuses { get; } = new Dictionary<int, (string, BatchJobState)>
    {
        [-1] = ("JOB_EXEC_FAIL1", BatchJobState.Failed),
        [-2] = ("JOB_EXEC_FAIL2", BatchJobState.Failed),
        [-3] = ("JOB_EXEC_RETRY", BatchJobState.Failed),
        [-4] = ("JOB_EXEC_INITABT", BatchJobState.Failed),
        [-5] = ("JOB_EXEC_INITRST", BatchJobState.Failed),
        [-6] = ("JOB_EXEC_INITRMG", BatchJobState.Failed),
        [-7] = ("JOB_EXEC_BADRESRT", BatchJobState.Failed),
        [-10] = ("JOB_EXEC_FAILUID", BatchJobState.Failed),
        [-11] = ("JOB_EXEC_RERUN", BatchJobState.Failed),
        [-12] = ("JOB_EXEC_CHKP", BatchJobState.Failed),
        [-13] = ("JOB_EXEC_FAIL_PASSWORD", BatchJobState.Failed),
        [-14] = ("JOB_EXEC_RERUN_SIS_FAIL", BatchJobState.NodeFail),
        [-15] = ("JOB_EXEC_QUERST", BatchJobState.Failed),
        [-16] = ("JOB_EXEC_FAILHOOK_RERUN", BatchJobState.Failed),
        [-17] = ("JOB_EXEC_FAILHOOK_DELETE", BatchJobState.Failed),
        [-18] = ("JOB_EXEC_HOOK_RERUN", BatchJobState.Failed),
        [-19] = ("JOB_EXEC_HOOK_DELETE", BatchJobState.Failed),
        [-20] = ("JOB_EXEC_RERUN_MS_FAIL", BatchJobState.NodeFail),
        [-21] = ("JOB_EXEC_FAIL_SECURITY", BatchJobState.Failed),
        [-22] = ("JOB_EXEC_HOOKERROR", BatchJobState.Failed),
        [-23] = ("JOB_EXEC_FAIL_KRB5", BatchJobState.Failed),
        [-24] = ("JOB_EXEC_KILL_NCPUS_BURST", BatchJobState.Failed),
        [-25] = ("JOB_EXEC_KILL_NCPUS_SUM", BatchJobState.Failed),
        [-26] = ("JOB_EXEC_KILL_VMEM", BatchJobState.OutOfMemory),
        [-27] = ("JOB_EXEC_KILL_MEM", BatchJobState.OutOfMemory),
        [-28] = ("JOB_EXEC_KILL_CPUT", BatchJobState.Timeout),
        [-29] = ("JOB_EXEC_KILL_WALLTIME", BatchJobState.Timeout),
    }.ToFrozenDictionary();

    /// <summary>
    /// How an F/X job ended, from <c>Exit_status</c> (PBS Pro reference, "Job Exit Status"):
    /// absent: deleted before it ran (Cancelled); 0: Completed; 1-255: the script's exit (Failed);
    /// 256+N: killed by signal N (SIGTERM is what qdel sends: Cancelled; with its walltime used up:
    /// Timeout; other signals: Failed); negative: PBS's own JOB_EXEC_* codes.
    /// </summary>
    public static (BatchJobState State, int? ExitCode, int? Signal, string? Reason) MapFinished(int? exitStatus, bool walltimeExhausted)
    {
        switch (exitStatus)
        {
            case null:
                return (BatchJobState.Cancelled, null, null, "deleted before it ran (no Exit_status)");
            case 0:
                return (BatchJobState.Completed, 0, null, null);
            case > 0 and < 256:
                return (BatchJobState.Failed, exitStatus, null, null);
            case >= 256:
                var signal = exitStatus.Value - 256;
                var state = walltimeExhausted ? BatchJobState.Timeout
                    : signal == 15 ? BatchJobState.Cancelled
                    : BatchJobState.Failed;
                return (state, null, signal, $"killed by signal {signal}");
            default:
                return NegativeExitStatuses.TryGetValue(exitStatus.Value, out var known)
                    ? (known.State, exitStatus, null, known.Name)
                    : (BatchJobState.Failed, exitStatus, null, "PBS exit status " + exitStatus);
        }
    }
}
