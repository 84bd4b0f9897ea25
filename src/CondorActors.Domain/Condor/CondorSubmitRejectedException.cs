namespace CondorActors.Domain.Condor;

/// <summary>condor_submit refused the description; the message is its <c>ERROR:</c> lines.</summary>
public sealed class CondorSubmitRejectedException : CondorException
{
    public CondorSubmitRejectedException(string message, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null)
        : base(message, commandLine, standardErrorTail, exitCode)
    {
    }
}
