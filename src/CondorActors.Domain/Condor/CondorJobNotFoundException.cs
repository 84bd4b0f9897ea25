namespace CondorActors.Domain.Condor;

/// <summary>No job matched (<c>Job 99999.0 not found</c>, <c>Couldn't find/remove all jobs in cluster 99999</c>).</summary>
public sealed class CondorJobNotFoundException : CondorException
{
    public CondorJobNotFoundException(string message, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null)
        : base(message, commandLine, standardErrorTail, exitCode)
    {
    }
}
