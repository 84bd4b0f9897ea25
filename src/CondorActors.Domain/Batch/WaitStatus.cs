namespace CondorActors.Domain.Batch;

/// <summary>Decodes a POSIX wait status (what Slurm's squeue <c>exit_code</c> and its JSON report): 768 = exit 3.</summary>
internal static class WaitStatus
{
    public static (int ExitCode, int? Signal) Decode(int status)
    {
        var signal = status & 0x7f;
        return signal == 0 ? ((status >> 8) & 0xff, null) : (0, signal);
    }
}
