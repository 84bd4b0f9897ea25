using System.Runtime.CompilerServices;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>
/// The CLI adapter over the real <see cref="ProcessRunner"/> and a child process: the
/// <c>fake-condor-q</c> stand-in of condoractors-testprog answers in place of condor_q.
/// </summary>
public sealed class CondorCliProcessTests
{
    [Fact]
    public async Task Streams_job_ads_from_a_real_process()
    {
        var gateway = Gateway("jobs:250", out _);

        var jobs = await gateway.QueryJobsAsync(new JobQuery { Constraint = "JobStatus == 1" }).ToListAsync();

        Assert.Equal(250, jobs.Count);
        Assert.Equal("3.49", jobs[^1].JobId());
    }

    [Fact]
    public async Task No_output_at_all_is_no_jobs()
    {
        var gateway = Gateway("jobs:0", out _);

        Assert.Empty(await gateway.QueryJobsAsync(new JobQuery()).ToListAsync());
    }

    [Fact]
    public async Task Stopping_early_stops_the_tool()
    {
        // Far more output than the pipe and the channel hold: only stopping the tool ends this.
        var gateway = Gateway("jobs:1000000", out _);

        var jobs = await gateway.QueryJobsAsync(new JobQuery { Limit = 3 }).ToListAsync();

        Assert.Equal(["1.0", "1.1", "1.2"], jobs.Select(job => job.JobId()));
    }

    [Fact]
    public async Task Failure_exit_is_typed_from_stderr()
    {
        var gateway = Gateway("unreachable", out _);

        var error = await Assert.ThrowsAsync<CondorUnreachableException>(() => gateway.QueryJobsAsync(new JobQuery()).ToListAsync());

        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public async Task A_tool_that_never_answers_times_out()
    {
        var gateway = Gateway("hang", out _, TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<CondorTimeoutException>(() => gateway.QueryJobsAsync(new JobQuery()).ToListAsync());
    }

    private static CondorCliGateway Gateway(string mode, out TestProgramRunner runner, TimeSpan? timeout = null)
    {
        runner = new TestProgramRunner(mode);
        return new CondorCliGateway(runner, new CondorOptions { CommandTimeout = timeout ?? TimeSpan.FromSeconds(60) });
    }

    /// <summary>Runs <c>condoractors-testprog fake-condor-q MODE ARGS</c> in place of <c>condor_q ARGS</c>.</summary>
    private sealed class TestProgramRunner(string mode) : IProcessRunner
    {
        private static readonly string TestProgram = Path.Combine(AppContext.BaseDirectory, "condoractors-testprog");
        private readonly ProcessRunner _inner = new();

        public Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default) =>
            _inner.RunAsync(Redirect(command), cancellationToken);

        public Task<(T Value, ProcessResult Result)> RunAsync<T>(ProcessCommand command, Func<Stream, CancellationToken, Task<T>> readStandardOutput, CancellationToken cancellationToken = default) =>
            _inner.RunAsync(Redirect(command), readStandardOutput, cancellationToken);

        public async IAsyncEnumerable<ProcessOutputLine> StreamLinesAsync(ProcessCommand command, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var line in _inner.StreamLinesAsync(Redirect(command), cancellationToken))
            {
                yield return line;
            }
        }

        private ProcessCommand Redirect(ProcessCommand command) =>
            command with { Program = TestProgram, Arguments = ["fake-condor-q", mode, .. command.Arguments] };
    }
}
