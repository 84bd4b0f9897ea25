using CondorActors.Server.Commands;

namespace CondorActors.Server.Tests.Commands;

public sealed class BridgeHalfCommandTests
{
    [Fact]
    public async Task Runs_until_stopped_then_exits_0_with_a_line_for_start_and_stop()
    {
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();

        var run = BridgeHalfCommand.RunAsync(["--glidein-id", "g1"], stdout, TextWriter.Null, stop.Token);

        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"bridge-half: glidein g1 running as pid {Environment.ProcessId}", lines[0]);
        Assert.Equal("bridge-half: glidein g1 stopping", lines[1]);
    }

    [Theory]
    [InlineData("--glidein-id")]
    [InlineData("--unknown", "x")]
    public async Task Bad_arguments_are_a_usage_error(params string[] args)
    {
        var stderr = new StringWriter();

        Assert.Equal(2, await BridgeHalfCommand.RunAsync(args, TextWriter.Null, stderr, CancellationToken.None));
        Assert.StartsWith("usage: condoractors bridge-half", stderr.ToString(), StringComparison.Ordinal);
    }
}
