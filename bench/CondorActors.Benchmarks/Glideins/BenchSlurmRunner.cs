using System.Collections.Immutable;
using CondorActors.Kernel.Processes;

namespace CondorActors.Benchmarks.Glideins;

/// <summary>
/// Stands in for the Slurm tools under the real <c>SlurmBatchSystem</c>: squeue answers with the
/// population's current listing (so the adapter's parsing, tag filtering and reconciliation are
/// measured), scancel succeeds. No process is started.
/// </summary>
internal sealed class BenchSlurmRunner(GlideinPopulation population, CycleProbe probe) : IProcessRunner
{
    public Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        switch (command.Program)
        {
            case "squeue":
                probe.OnPollStarted();
                return Answer(command, population.Squeue());
            case "scancel":
                return Answer(command, string.Empty);
            default:
                return Task.FromResult(new ProcessResult(command, 1, string.Empty, command.Program + ": not simulated", TimeSpan.Zero));
        }
    }

    public Task<(T Value, ProcessResult Result)> RunAsync<T>(ProcessCommand command, Func<Stream, CancellationToken, Task<T>> readStandardOutput, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The Slurm adapter buffers its commands.");

    public IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(ProcessCommand command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The Slurm adapter buffers its commands.");

    private static Task<ProcessResult> Answer(ProcessCommand command, string output) =>
        Task.FromResult(new ProcessResult(command, 0, output, string.Empty, TimeSpan.Zero));
}
