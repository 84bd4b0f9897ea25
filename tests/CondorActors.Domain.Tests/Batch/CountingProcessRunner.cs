using System.Collections.Concurrent;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Batch;

/// <summary>Decorates a runner and records every command started, to assert "one process per poll".</summary>
internal sealed class CountingProcessRunner(IProcessRunner inner) : IProcessRunner
{
    private readonly ConcurrentQueue<ProcessCommand> _commands = new();

    public IReadOnlyList<ProcessCommand> Commands => [.. _commands];

    public int Count => _commands.Count;

    public void Reset() => _commands.Clear();

    public Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command);
        return inner.RunAsync(command, cancellationToken);
    }

    public Task<(T Value, ProcessResult Result)> RunAsync<T>(
        ProcessCommand command, Func<Stream, CancellationToken, Task<T>> readStandardOutput, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command);
        return inner.RunAsync(command, readStandardOutput, cancellationToken);
    }

    public IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command);
        return inner.StreamLinesAsync(command, cancellationToken);
    }
}
