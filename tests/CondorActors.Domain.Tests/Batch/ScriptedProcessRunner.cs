using System.Collections.Concurrent;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Batch;

/// <summary>Answers commands from a script instead of running them; records what was asked.</summary>
internal sealed class ScriptedProcessRunner(Func<ProcessCommand, ProcessResult> answer) : IProcessRunner
{
    private readonly ConcurrentQueue<ProcessCommand> _commands = new();

    public IReadOnlyList<ProcessCommand> Commands => [.. _commands];

    public static ProcessResult Result(ProcessCommand command, int exitCode, string stdout = "", string stderr = "") =>
        new(command, exitCode, stdout, stderr, TimeSpan.FromMilliseconds(1));

    public Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command);
        var result = answer(command);
        if (!result.Succeeded && command.ThrowOnNonZeroExit)
        {
            throw new ProcessExitException(result);
        }

        return Task.FromResult(result);
    }

    public Task<(T Value, ProcessResult Result)> RunAsync<T>(
        ProcessCommand command, Func<Stream, CancellationToken, Task<T>> readStandardOutput, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(ProcessCommand command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
