namespace CondorActors.Domain.Condor;

/// <summary>A command outlived the configured timeout; its process tree was killed.</summary>
public sealed class CondorTimeoutException : CondorException
{
    public CondorTimeoutException(string message, TimeSpan timeout, string? commandLine = null, Exception? innerException = null)
        : base(message, commandLine, null, null, innerException)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
