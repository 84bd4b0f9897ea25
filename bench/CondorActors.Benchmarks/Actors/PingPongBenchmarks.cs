using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using CondorActors.Kernel.Actors;

namespace CondorActors.Benchmarks.Actors;

/// <summary>
/// Two actors bouncing one message back and forth, against two bare channels each drained by a
/// reader loop that writes into the other (the baseline). Measures the latency-bound case:
/// every message wakes the other side.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    private const int RoundTrips = 20_000;
    private ActorSystem _system = null!;
    private IActorRef _ping = null!;
    private IActorRef _pong = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _pong = _system.ActorOf(Props.Create(() => new PongActor()), "pong");
        _ping = _system.ActorOf(Props.Create(() => new PingActor()), "ping");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.TerminateAsync(TimeSpan.Zero).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task BareChannels()
    {
        var toPong = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var toPing = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        var pong = Task.Run(async () =>
        {
            await foreach (var n in toPong.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                toPing.Writer.TryWrite(n);
                if (n == 0)
                {
                    return;
                }
            }
        });
        var ping = Task.Run(async () =>
        {
            toPong.Writer.TryWrite(RoundTrips - 1);
            await foreach (var n in toPing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (n == 0)
                {
                    return;
                }

                toPong.Writer.TryWrite(n - 1);
            }
        });
        await Task.WhenAll(ping, pong).ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task Actors()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ping.Tell(new PingActor.Start(RoundTrips, _pong, done));
        await done.Task.ConfigureAwait(false);
    }

    private sealed class PingActor : ActorBase
    {
        private TaskCompletionSource? _done;

        public sealed record Start(int RoundTrips, IActorRef Pong, TaskCompletionSource Done);

        protected override Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case Start start:
                    _done = start.Done;
                    start.Pong.Tell(start.RoundTrips - 1, Self);
                    break;
                case 0:
                    _done!.SetResult();
                    break;
                case int n:
                    Sender.Tell(n - 1, Self);
                    break;
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PongActor : ActorBase
    {
        protected override Task ReceiveAsync(object message)
        {
            Sender.Tell(message, Self);
            return Task.CompletedTask;
        }
    }
}
