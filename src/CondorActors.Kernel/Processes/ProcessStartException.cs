namespace CondorActors.Kernel.Processes;

/// <summary>A program could not be started at all (not found, not executable, bad working directory).</summary>
public sealed class ProcessStartException : Exception
{
    public ProcessStartException(ProcessCommand command, Exception inner)
        : base($"Could not start '{command.DisplayCommandLine}': {inner.Message}", inner)
    {
        CommandLine = command.DisplayCommandLine;
    }

    public string CommandLine { get; }
}
