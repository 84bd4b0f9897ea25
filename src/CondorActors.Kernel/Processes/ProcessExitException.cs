namespace CondorActors.Kernel.Processes;

/// <summary>A program exited non-zero. Carries the redacted command line and the tail of stderr.</summary>
public sealed class ProcessExitException : Exception
{
    /// <summary>How much of stderr the message keeps: the end is where programs say what went wrong.</summary>
    public const int StandardErrorTailLength = 2048;

    public ProcessExitException(ProcessResult result)
        : base(BuildMessage(result))
    {
        CommandLine = result.Command.DisplayCommandLine;
        ExitCode = result.ExitCode;
        StandardErrorTail = Tail(CommandLineFormatter.Redact(result.StandardError, result.Command));
        Result = result;
    }

    public string CommandLine { get; }

    public int ExitCode { get; }

    public string StandardErrorTail { get; }

    /// <summary>The whole result, for callers that map exit codes and output to typed errors.</summary>
    public ProcessResult Result { get; }

    private static string BuildMessage(ProcessResult result)
    {
        var tail = Tail(CommandLineFormatter.Redact(result.StandardError, result.Command)).Trim();
        var detail = tail.Length == 0 ? "no output on stderr" : $"stderr: {tail}";
        return $"'{result.Command.DisplayCommandLine}' exited with code {result.ExitCode} after {result.Duration.TotalMilliseconds:F0} ms; {detail}";
    }

    private static string Tail(string text) =>
        text.Length <= StandardErrorTailLength ? text : "..." + text[^StandardErrorTailLength..];
}
