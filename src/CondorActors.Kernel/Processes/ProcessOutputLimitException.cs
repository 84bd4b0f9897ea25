namespace CondorActors.Kernel.Processes;

/// <summary>
/// A program printed more than its output limit; its tree was killed. Partial output is not
/// returned: a truncated answer from a batch system or HTCondor is not safe to act on.
/// </summary>
public sealed class ProcessOutputLimitException : Exception
{
    public ProcessOutputLimitException(ProcessCommand command, long limitBytes)
        : base($"'{command.DisplayCommandLine}' printed more than {limitBytes} bytes; its process tree was killed")
    {
        CommandLine = command.DisplayCommandLine;
        LimitBytes = limitBytes;
    }

    public string CommandLine { get; }

    public long LimitBytes { get; }
}
