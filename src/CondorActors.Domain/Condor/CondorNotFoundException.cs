namespace CondorActors.Domain.Condor;

/// <summary>A named schedd or daemon is not known to the collector.</summary>
public sealed class CondorNotFoundException : CondorException
{
    public CondorNotFoundException(string message, string? name, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null)
        : base(message, commandLine, standardErrorTail, exitCode)
    {
        Name = name;
    }

    /// <summary>The name that was not found, when known.</summary>
    public string? Name { get; }
}
