namespace CondorActors.Kernel.Processes;

/// <summary>
/// Runs programs by argv (never through a shell). On timeout or cancellation the whole process
/// tree gets SIGTERM, then SIGKILL after the command's grace period.
/// </summary>
public interface IProcessRunner
{
    /// <summary>Runs to completion with stdout and stderr buffered (up to the command's output limit).</summary>
    /// <exception cref="ProcessExitException">Non-zero exit, when the command validates exit codes.</exception>
    /// <exception cref="ProcessTimeoutException">The command's timeout passed; the tree was killed.</exception>
    /// <exception cref="ProcessOutputLimitException">Output passed the limit; the tree was killed.</exception>
    /// <exception cref="ProcessStartException">The program could not be started (not found, not executable).</exception>
    Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs while <paramref name="readStandardOutput"/> consumes stdout as a stream (for outputs too
    /// large to buffer); stderr is buffered up to the output limit. The exit is validated as in
    /// <see cref="RunAsync"/> after the reader returns; its value is returned with the result.
    /// </summary>
    Task<(T Value, ProcessResult Result)> RunAsync<T>(
        ProcessCommand command,
        Func<Stream, CancellationToken, Task<T>> readStandardOutput,
        CancellationToken cancellationToken = default);

    /// <summary>Yields stdout and stderr lines as they come; validates the exit when the output ends.</summary>
    IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(ProcessCommand command, CancellationToken cancellationToken = default);
}
