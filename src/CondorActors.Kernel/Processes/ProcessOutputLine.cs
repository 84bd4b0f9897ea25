namespace CondorActors.Kernel.Processes;

/// <summary>Which of a program's output streams a line came from.</summary>
public enum OutputStream
{
    StandardOutput,
    StandardError,
}

/// <summary>One line of a streamed program's output, without its line terminator.</summary>
public sealed record ProcessOutputLine(OutputStream Stream, string Text);
