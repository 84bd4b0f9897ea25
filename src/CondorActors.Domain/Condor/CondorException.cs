namespace CondorActors.Domain.Condor;

/// <summary>
/// A query HTCondor could not answer. Carries the command line (secrets redacted) and the tail of
/// its stderr when a command ran; both are null for errors found before running anything.
/// Subclasses say what went wrong in a way callers map to HTTP statuses.
/// </summary>
public class CondorException : Exception
{
    public CondorException(string message, string? commandLine = null, string? standardErrorTail = null, int? exitCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        CommandLine = commandLine;
        StandardErrorTail = standardErrorTail;
        ExitCode = exitCode;
    }

    public CondorException()
        : this("HTCondor query failed")
    {
    }

    public CondorException(string message)
        : this(message, commandLine: null)
    {
    }

    public CondorException(string message, Exception innerException)
        : this(message, null, null, null, innerException)
    {
    }

    /// <summary>The command that failed, as a person would type it (secrets redacted); null when none ran.</summary>
    public string? CommandLine { get; }

    /// <summary>The end of the command's stderr, where HTCondor tools say what went wrong.</summary>
    public string? StandardErrorTail { get; }

    public int? ExitCode { get; }
}
