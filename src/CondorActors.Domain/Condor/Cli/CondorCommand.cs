using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// How every HTCondor tool is run, shared by the gateway, the scheduler and the glidein
/// operations: the program resolved in <c>binaries</c> (or on PATH), the command timeout, and
/// <c>CONDOR_CONFIG</c> when configured; failures of the process runner become gateway errors.
/// </summary>
internal static class CondorCommand
{
    /// <summary>The command for <paramref name="program"/> with <paramref name="arguments"/> (argv, never a shell).</summary>
    public static ProcessCommand Create(CondorOptions options, string program, IEnumerable<string> arguments)
    {
        var timeout = options.CommandTimeout > TimeSpan.Zero && options.CommandTimeout != Timeout.InfiniteTimeSpan
            ? options.CommandTimeout
            : (TimeSpan?)null;
        var command = new ProcessCommand(options.ProgramPath(program), arguments).WithTimeout(timeout);
        return string.IsNullOrWhiteSpace(options.CondorConfig) ? command : command.WithEnvironment("CONDOR_CONFIG", options.CondorConfig);
    }

    /// <summary>
    /// Runs a buffered command whose exit code the caller judges (<see cref="ProcessCommand.WithValidation"/> false):
    /// timeouts, programs that cannot start and runaway output become <see cref="CondorException"/>s.
    /// </summary>
    public static Task<ProcessResult> RunAsync(IProcessRunner runner, ProcessCommand command, CancellationToken cancellationToken) =>
        AwaitAsync(() => runner.RunAsync(command, cancellationToken));

    /// <summary>Awaits a run: timeouts, programs that cannot start and runaway output become <see cref="CondorException"/>s.</summary>
    public static async Task<ProcessResult> AwaitAsync(Func<Task<ProcessResult>> run)
    {
        try
        {
            // Started inside the try: a runner may also throw before it returns a task.
            return await run().ConfigureAwait(false);
        }
        catch (ProcessTimeoutException ex)
        {
            throw new CondorTimeoutException(ex.Message, ex.Timeout, ex.CommandLine, ex);
        }
        catch (ProcessStartException ex)
        {
            throw new CondorException(ex.Message, ex.CommandLine, null, null, ex);
        }
        catch (ProcessOutputLimitException ex)
        {
            throw new CondorException(ex.Message, ex.CommandLine, null, null, ex);
        }
    }
}
