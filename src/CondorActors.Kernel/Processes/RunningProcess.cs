using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Processes;

/// <summary>
/// One started program and everything that can stop it: the caller's token, the command's
/// timeout and its output limit. Any of them terminates the whole tree once.
/// </summary>
internal sealed partial class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessCommand _command;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly Stopwatch _stopwatch;
    private readonly Task _stdinTask;
    private long _outputBytes;
    private int _terminated;
    private StopReason _reason;
    private Task _termination = Task.CompletedTask;

    private RunningProcess(Process process, ProcessCommand command, ILogger logger, CancellationToken callerToken)
    {
        _process = process;
        _command = command;
        _logger = logger;
        _stopwatch = Stopwatch.StartNew();
        _stop = new CancellationTokenSource();
        _callerRegistration = callerToken.Register(() => Terminate(StopReason.Cancelled));
        if (command.Timeout is { } timeout)
        {
            _ = Task.Delay(timeout, _stop.Token).ContinueWith(
                _ => Terminate(StopReason.TimedOut),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
        }

        StandardOutput = new CountingStream(process.StandardOutput.BaseStream, this);
        _stdinTask = WriteStandardInputAsync();
    }

    private enum StopReason
    {
        None,
        Cancelled,
        TimedOut,
        OutputLimit,
        ReaderFailed,
    }

    /// <summary>Stdout as raw bytes; every byte read counts against the output limit.</summary>
    public Stream StandardOutput { get; }

    /// <summary>Cancelled when the run is being stopped, for readers of the output.</summary>
    public CancellationToken Token => _stop.Token;

    public TimeSpan Elapsed => _stopwatch.Elapsed;

    public bool WasTerminated => Volatile.Read(ref _terminated) != 0;

    public static RunningProcess Start(ProcessCommand command, ILogger logger, CancellationToken callerToken)
    {
        callerToken.ThrowIfCancellationRequested();
        var process = ProcessRunner.StartProcess(command);
        LogStarted(logger, command.DisplayCommandLine, process.Id);
        return new RunningProcess(process, command, logger, callerToken);
    }

    /// <summary>
    /// Reads stderr to its end, passing each line to <paramref name="onLine"/> when given, and
    /// returns it (only its last part once the run is being terminated, to bound memory).
    /// </summary>
    public async Task<string> ReadStandardErrorAsync(Func<string, ValueTask>? onLine = null)
    {
        var builder = new StringBuilder();
        var reader = _process.StandardError;
        while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            CountOutput(Encoding.UTF8.GetByteCount(line) + 1);
            if (onLine is not null && !WasTerminated)
            {
                await onLine(line).ConfigureAwait(false);
            }

            builder.Append(line).Append('\n');
            if (WasTerminated && builder.Length > ProcessExitException.StandardErrorTailLength * 4)
            {
                builder.Remove(0, builder.Length - ProcessExitException.StandardErrorTailLength);
            }
        }

        return builder.ToString();
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await _termination.ConfigureAwait(false);
        await _stdinTask.ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Stops the tree because the output reader failed.</summary>
    public void Terminate() => Terminate(StopReason.ReaderFailed);

    public void ThrowIfStoppedByRunner(CancellationToken callerToken)
    {
        switch (_reason)
        {
            case StopReason.Cancelled:
                throw new OperationCanceledException($"'{_command.DisplayCommandLine}' was cancelled; its process tree was killed", callerToken);
            case StopReason.TimedOut:
                throw new ProcessTimeoutException(_command, _command.Timeout!.Value);
            case StopReason.OutputLimit:
                throw new ProcessOutputLimitException(_command, _command.OutputLimitBytes);
            default:
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Terminate(StopReason.Cancelled);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await _termination.ConfigureAwait(false);
        await _callerRegistration.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _stop.Dispose();
        _process.Dispose();
    }

    internal void CountOutput(int bytes)
    {
        if (Interlocked.Add(ref _outputBytes, bytes) > _command.OutputLimitBytes)
        {
            Terminate(StopReason.OutputLimit);
        }
    }

    private void Terminate(StopReason reason)
    {
        if (Interlocked.Exchange(ref _terminated, 1) != 0)
        {
            return;
        }

        _reason = reason;
        LogTerminating(_logger, _command.DisplayCommandLine, reason.ToString());
        _termination = TerminateTreeAsync();
        _stop.Cancel();
    }

    private async Task TerminateTreeAsync()
    {
        int pid;
        try
        {
            if (_process.HasExited)
            {
                return;
            }

            pid = _process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        // Remember the tree as it is now: children re-parented after their parent exits on
        // SIGTERM can no longer be found from the root, but must still be killed.
        var tree = ProcessTree.Enumerate(pid);
        ProcessTree.Signal(pid, ProcessTree.SigTerm);
        using var graceTimeout = new CancellationTokenSource(_command.KillGracePeriod);
        try
        {
            await _process.WaitForExitAsync(graceTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Grace period over: SIGKILL below.
        }

        if (!_process.HasExited)
        {
            ProcessTree.Signal(pid, ProcessTree.SigKill);
        }

        foreach (var straggler in tree.Where(p => p != pid && ProcessTree.IsAlive(p)))
        {
            ProcessTree.Signal(straggler, ProcessTree.SigKill);
        }
    }

    private async Task WriteStandardInputAsync()
    {
        try
        {
            if (_command.StandardInput is { } input)
            {
                await _process.StandardInput.WriteAsync(input.AsMemory(), _stop.Token).ConfigureAwait(false);
                await _process.StandardInput.FlushAsync(_stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The program exited or closed stdin before reading all of it: its exit code says why.
        }
        finally
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Broken pipe on close: same as above.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Started {CommandLine} as pid {Pid}")]
    private static partial void LogStarted(ILogger logger, string commandLine, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Terminating process tree of {CommandLine}: {Reason}")]
    private static partial void LogTerminating(ILogger logger, string commandLine, string reason);
}
