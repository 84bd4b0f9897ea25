using CondorActors.Domain.Glideins;
using CondorActors.Server.Commands;
using CondorActors.TestKit;

namespace CondorActors.Server.Tests.Commands;

public sealed class HpcHalfCommandTests : IDisposable
{
    private readonly string _batch = Directory.CreateTempSubdirectory("condoractors-hpc-half-").FullName;

    public void Dispose() => Directory.Delete(_batch, recursive: true);

    [Fact]
    public async Task Writes_a_heartbeat_each_interval_until_stopped()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var path = Path.Combine(_batch, "heartbeat");
        var run = HpcHalfCommand.RunAsync(["--batch-dir", _batch, "--interval", "5"], TextWriter.Null, clock, stop.Token);

        await AwaitAssert.RunAsync(() => Assert.Equal(1, HeartbeatFile.TryRead(path)?.Counter), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        Assert.Equal(clock.GetUtcNow(), HeartbeatFile.TryRead(path)!.At);
        clock.Advance(TimeSpan.FromSeconds(5));
        await AwaitAssert.RunAsync(() => Assert.Equal(2, HeartbeatFile.TryRead(path)?.Counter), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        Assert.Equal(clock.GetUtcNow(), HeartbeatFile.TryRead(path)!.At);
        Assert.False(run.IsCompleted);

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public async Task Exits_when_its_walltime_is_spent()
    {
        var clock = new FakeTimeProvider();
        var path = Path.Combine(_batch, "heartbeat");
        var run = HpcHalfCommand.RunAsync(["--batch-dir", _batch, "--interval", "5", "--walltime", "12"], TextWriter.Null, clock, CancellationToken.None);

        await AwaitAssert.RunAsync(() => Assert.NotNull(HeartbeatFile.TryRead(path)), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < 3 && !run.IsCompleted; i++)
        {
            var before = HeartbeatFile.TryRead(path)!.Counter;

            // The heartbeat is written before the wait starts: advance only once the wait is armed.
            await AwaitAssert.RunAsync(() => Assert.True(run.IsCompleted || clock.ActiveTimers > 0), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
            clock.Advance(TimeSpan.FromSeconds(5));
            await AwaitAssert.RunAsync(() => Assert.True(run.IsCompleted || HeartbeatFile.TryRead(path)!.Counter > before), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(4, HeartbeatFile.TryRead(path)!.Counter);
    }

    [Theory]
    [InlineData]
    [InlineData("--batch-dir")]
    [InlineData("--batch-dir", "/nonexistent/condoractors")]
    [InlineData("--interval", "abc")]
    public async Task Bad_arguments_are_a_usage_error(params string[] args)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await HpcHalfCommand.RunAsync(args, stderr, TimeProvider.System, CancellationToken.None));
        Assert.NotEmpty(stderr.ToString());
    }
}
