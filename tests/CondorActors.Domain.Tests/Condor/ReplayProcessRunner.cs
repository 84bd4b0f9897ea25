using System.Runtime.CompilerServices;
using System.Text;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>
/// An <see cref="IProcessRunner"/> that answers every command with a recording (stdout, stderr and
/// exit code as a real tool printed them) and remembers the commands it was given, so tests can
/// assert the exact argv. Exit codes are validated as the real runner does.
/// </summary>
internal sealed class ReplayProcessRunner : IProcessRunner
{
    private readonly Func<ProcessCommand, CondorRecording> _answer;
    private readonly List<ProcessCommand> _commands = [];

    public ReplayProcessRunner(CondorRecording recording)
        : this(_ => recording)
    {
    }

    public ReplayProcessRunner(Func<ProcessCommand, CondorRecording> answer)
    {
        _answer = answer;
    }

    /// <summary>When set, every run fails with this instead (timeouts, programs that cannot start).</summary>
    public Func<ProcessCommand, Exception>? Failure { get; init; }

    public IReadOnlyList<ProcessCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>argv[0] (the program's file name) and the arguments of the only command run.</summary>
    public IReadOnlyList<string> SingleArgv()
    {
        var command = Assert.Single(Commands);
        return [Path.GetFileName(command.Program), .. command.Arguments];
    }

    public Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        var recording = Start(command);
        var result = new ProcessResult(command, recording.ExitCode, recording.StandardOutput, recording.StandardError, TimeSpan.FromMilliseconds(5));
        return Task.FromResult(Validate(result));
    }

    public async Task<(T Value, ProcessResult Result)> RunAsync<T>(
        ProcessCommand command,
        Func<Stream, CancellationToken, Task<T>> readStandardOutput,
        CancellationToken cancellationToken = default)
    {
        var recording = Start(command);
        using var stdout = new MemoryStream(Encoding.UTF8.GetBytes(recording.StandardOutput));
        var value = await readStandardOutput(stdout, cancellationToken);
        var result = new ProcessResult(command, recording.ExitCode, string.Empty, recording.StandardError, TimeSpan.FromMilliseconds(5));
        return (value, Validate(result));
    }

    public async IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(ProcessCommand command, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(command, cancellationToken);
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            yield return new ProcessOutputLine(OutputStream.StandardOutput, line);
        }
    }

    private CondorRecording Start(ProcessCommand command)
    {
        lock (_commands)
        {
            _commands.Add(command);
        }

        if (Failure is not null)
        {
            throw Failure(command);
        }

        return _answer(command);
    }

    private static ProcessResult Validate(ProcessResult result) =>
        result.ExitCode != 0 && result.Command.ThrowOnNonZeroExit ? throw new ProcessExitException(result) : result;
}
