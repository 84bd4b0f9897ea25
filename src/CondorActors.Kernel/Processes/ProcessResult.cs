namespace CondorActors.Kernel.Processes;

/// <summary>What a finished program left: exit code, buffered output, and how long it ran.</summary>
public sealed record ProcessResult(
    ProcessCommand Command,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;
}
