namespace CondorActors.Kernel.Processes;

/// <summary>A program outlived its timeout; its whole process tree was killed.</summary>
public sealed class ProcessTimeoutException : TimeoutException
{
    public ProcessTimeoutException(ProcessCommand command, TimeSpan timeout)
        : base($"'{command.DisplayCommandLine}' did not finish within {timeout.TotalMilliseconds:F0} ms; its process tree was killed")
    {
        CommandLine = command.DisplayCommandLine;
        Timeout = timeout;
    }

    public string CommandLine { get; }

    public TimeSpan Timeout { get; }
}
