namespace CondorActors.Domain.Condor;

/// <summary>The schedd or collector could not be contacted (down, refusing, network): worth retrying later.</summary>
public sealed class CondorUnreachableException : CondorException
{
    public CondorUnreachableException(string message, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null)
        : base(message, commandLine, standardErrorTail, exitCode)
    {
    }
}
