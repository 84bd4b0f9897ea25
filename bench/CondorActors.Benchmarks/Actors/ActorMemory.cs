using System.Collections.Concurrent;
using System.Threading.Channels;
using CondorActors.Kernel.Actors;

namespace CondorActors.Benchmarks.Actors;

/// <summary>
/// Retained memory per idle actor: creates N started actors (each with a name, under /user)
/// and compares the live heap before and after; then tells each actor one message, waits until
/// all are handled, and measures again (the realistic case: a glidein actor that has received
/// messages and is idle again). Also reports the cost of the queue types a mailbox could have
/// been built on, for the design note in docs/performance.md.
/// </summary>
internal static class ActorMemory
{
    private static int _started;
    private static int _received;

    public static int Run(int count)
    {
        var system = ActorSystem.Create("memory");
        var props = Props.Create(() => new IdleActor());
        var refs = new IActorRef[count];

        var before = LiveBytes();
        for (var i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props, "glidein-" + i);
        }

        while (Volatile.Read(ref _started) < count)
        {
            Thread.Sleep(10);
        }

        var after = LiveBytes();
        var neverMessaged = (after - before) / (double)count;
        Console.WriteLine($"actors: {count:N0}; retained: {(after - before) / 1024.0 / 1024.0:F1} MiB; per idle actor, never messaged: {neverMessaged:F0} bytes (target <= 2048)");

        var message = new object();
        foreach (var actor in refs)
        {
            actor.Tell(message);
        }

        while (Volatile.Read(ref _received) < count)
        {
            Thread.Sleep(10);
        }

        after = LiveBytes();
        var perActor = (after - before) / (double)count;
        Console.WriteLine($"actors: {count:N0}; retained: {(after - before) / 1024.0 / 1024.0:F1} MiB; per idle actor, after one message: {perActor:F0} bytes (target <= 2048)");

        Report("Channel.CreateUnbounded<T> (SingleReader)", count, () => Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true }));
        Report("Channel.CreateUnbounded<Envelope-sized struct> (multi-reader, as the mailbox), after one write and read", count, () => Burst(1));
        Report("  the same after a burst of 100 writes, then 100 reads", count / 10, () => Burst(100));
        Report("ConcurrentQueue<T>", count, () => new ConcurrentQueue<object>());
        GC.KeepAlive(refs);
        system.TerminateAsync(TimeSpan.Zero).GetAwaiter().GetResult();
        return Math.Max(neverMessaged, perActor) <= 2048 ? 0 : 1;
    }

    private static void Report(string what, int count, Func<object> create)
    {
        var items = new object[count];
        var before = LiveBytes();
        for (var i = 0; i < count; i++)
        {
            items[i] = create();
        }

        var after = LiveBytes();
        Console.WriteLine($"{what}: {(after - before) / (double)count:F0} bytes each when empty");
        GC.KeepAlive(items);
    }

    private static Channel<(object, object?)> Burst(int messages)
    {
        var channel = Channel.CreateUnbounded<(object, object?)>(new UnboundedChannelOptions { SingleReader = false });
        for (var i = 0; i < messages; i++)
        {
            channel.Writer.TryWrite((channel, null));
        }

        while (channel.Reader.TryRead(out _))
        {
        }

        return channel;
    }

    private static long LiveBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class IdleActor : ActorBase
    {
        protected override Task ReceiveAsync(object message)
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        }

        protected override Task PreStartAsync()
        {
            Interlocked.Increment(ref _started);
            return Task.CompletedTask;
        }
    }
}
