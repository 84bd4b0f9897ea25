using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using CondorActors.Kernel.Actors;

namespace CondorActors.Benchmarks.Actors;

/// <summary>
/// One sender telling one actor, against the same traffic through a bare Channel&lt;T&gt; with a
/// reader loop (the baseline). Target: the actor reaches at least 50 % of the baseline's rate.
/// </summary>
[MemoryDiagnoser]
public class TellThroughputBenchmarks
{
    private const int Messages = 100_000;
    private ActorSystem _system = null!;
    private IActorRef _counter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _counter = _system.ActorOf(Props.Create(() => new CountingActor()), "counter");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.TerminateAsync(TimeSpan.Zero).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public async Task BareChannel()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var reader = Task.Run(async () =>
        {
            var received = 0;
            var source = channel.Reader;
            while (await source.WaitToReadAsync().ConfigureAwait(false))
            {
                while (source.TryRead(out _))
                {
                    if (++received == Messages)
                    {
                        return;
                    }
                }
            }
        });
        var message = new object();
        for (var i = 0; i < Messages; i++)
        {
            channel.Writer.TryWrite(message);
        }

        await reader.ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task ActorTell()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _counter.Tell(new CountingActor.Expect(Messages, done));
        var message = new object();
        for (var i = 0; i < Messages; i++)
        {
            _counter.Tell(message);
        }

        await done.Task.ConfigureAwait(false);
    }

    private sealed class CountingActor : ActorBase
    {
        private int _remaining;
        private TaskCompletionSource? _done;

        public sealed record Expect(int Count, TaskCompletionSource Done);

        protected override Task ReceiveAsync(object message)
        {
            if (message is Expect expect)
            {
                _remaining = expect.Count;
                _done = expect.Done;
            }
            else if (--_remaining == 0)
            {
                _done!.SetResult();
            }

            return Task.CompletedTask;
        }
    }
}
