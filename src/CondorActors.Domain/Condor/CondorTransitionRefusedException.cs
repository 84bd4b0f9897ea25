namespace CondorActors.Domain.Condor;

/// <summary>
/// HTCondor refused a state change of an existing job; <see cref="CondorException.Message"/> is
/// HTCondor's own reason (<c>Job 5.3 not held to be released</c>, <c>Job 9.1 not running to be vacated</c>).
/// </summary>
public sealed class CondorTransitionRefusedException : CondorException
{
    public CondorTransitionRefusedException(string message, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null)
        : base(message, commandLine, standardErrorTail, exitCode)
    {
    }
}
