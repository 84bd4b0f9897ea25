using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Kernel.Processes;

/// <summary>
/// The process runner on <see cref="Process"/>: argv only, stdin written then closed, output read
/// as streams (never through events, so nothing is lost at exit), and on timeout or cancellation
/// SIGTERM to the whole tree, then SIGKILL after the command's grace period.
/// </summary>
public sealed partial class ProcessRunner : IProcessRunner
{
    private readonly ILogger<ProcessRunner> _logger;

    public ProcessRunner(ILogger<ProcessRunner>? logger = null)
    {
        _logger = logger ?? NullLogger<ProcessRunner>.Instance;
    }

    public async Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        var (stdout, result) = await RunAsync(command, ReadAllAsync, cancellationToken).ConfigureAwait(false);
        return result with { StandardOutput = stdout };
    }

    public Task<(T Value, ProcessResult Result)> RunAsync<T>(
        ProcessCommand command,
        Func<Stream, CancellationToken, Task<T>> readStandardOutput,
        CancellationToken cancellationToken = default) =>
        RunCoreAsync(command, readStandardOutput, onStandardErrorLine: null, cancellationToken);

    private async Task<(T Value, ProcessResult Result)> RunCoreAsync<T>(
        ProcessCommand command,
        Func<Stream, CancellationToken, Task<T>> readStandardOutput,
        Func<string, ValueTask>? onStandardErrorLine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(readStandardOutput);

        await using var run = RunningProcess.Start(command, _logger, cancellationToken);
        var stderrTask = run.ReadStandardErrorAsync(onStandardErrorLine);

        T value = default!;
        Exception? readerFailure = null;
        try
        {
            value = await readStandardOutput(run.StandardOutput, run.Token).ConfigureAwait(false);

            // A reader that stops early must not leave the program blocked on a full pipe.
            await run.StandardOutput.CopyToAsync(Stream.Null).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            readerFailure = ex;
            run.Terminate();
        }

        var stderr = await stderrTask.ConfigureAwait(false);
        var exitCode = await run.WaitForExitAsync().ConfigureAwait(false);
        var result = new ProcessResult(command, exitCode, value as string ?? string.Empty, stderr, run.Elapsed);
        LogFinished(command.DisplayCommandLine, exitCode, result.Duration.TotalMilliseconds);

        run.ThrowIfStoppedByRunner(cancellationToken);
        if (readerFailure is not null)
        {
            // The program's own failure explains a reader that choked on its output better.
            if (exitCode != 0 && command.ThrowOnNonZeroExit && !run.WasTerminated)
            {
                throw new ProcessExitException(result);
            }

            throw readerFailure;
        }

        if (exitCode != 0 && command.ThrowOnNonZeroExit)
        {
            throw new ProcessExitException(result);
        }

        return (value, result);
    }

    private static async Task<string> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static ProcessStartInfo CreateStartInfo(ProcessCommand command)
    {
        var startInfo = new ProcessStartInfo(command.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = command.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    internal static Process StartProcess(ProcessCommand command)
    {
        var process = new Process { StartInfo = CreateStartInfo(command) };
        try
        {
            process.Start();
            return process;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            process.Dispose();
            throw new ProcessStartException(command, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {CommandLine} exited with {ExitCode} after {ElapsedMs} ms")]
    private partial void LogFinished(string commandLine, int exitCode, double elapsedMs);
}
