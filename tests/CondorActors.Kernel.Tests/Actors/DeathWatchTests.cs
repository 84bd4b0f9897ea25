using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class DeathWatchTests(ITestOutputHelper output) : ActorTestBase(output)
{
    [Fact]
    public async Task A_watcher_gets_terminated_when_the_watched_actor_stops()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        probe.Watch(target);
        await EnsureWatchRegisteredAsync(probe, target);

        Sys.Stop(target);

        await probe.ExpectTerminatedAsync(target);
    }

    [Fact]
    public async Task Watching_an_actor_that_is_already_dead_still_delivers_terminated_once()
    {
        var probe = CreateTestProbe();
        var first = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        first.Watch(target);
        Sys.Stop(target);
        await first.ExpectTerminatedAsync(target);

        probe.Watch(target);
        probe.Watch(target);

        await probe.ExpectTerminatedAsync(target);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Stopping_while_watches_are_being_registered_delivers_exactly_one_terminated_to_each_watcher()
    {
        // Many rounds of the race: the Watch system message may reach the target before it
        // stops, while it stops, or after its queue closed.
        for (var round = 0; round < 50; round++)
        {
            var watchers = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToArray();
            var target = Sys.ActorOf(Props.Create(() => new EchoActor()));

            var stop = Task.Run(() => Sys.Stop(target));
            foreach (var watcher in watchers)
            {
                watcher.Watch(target);
            }

            await stop;
            foreach (var watcher in watchers)
            {
                await watcher.ExpectTerminatedAsync(target);
            }

            foreach (var watcher in watchers)
            {
                await watcher.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(5));
                Sys.Stop(watcher.Ref);
            }
        }
    }

    [Fact]
    public async Task Unwatch_before_the_stop_means_no_terminated()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        probe.Watch(target);
        probe.Unwatch(target);
        await EnsureWatchRegisteredAsync(probe, target);

        Sys.Stop(target);

        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Unwatch_after_terminated_was_queued_suppresses_it()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new UnwatchingActor(probe.Ref, target, gate.Task)), "watcher");
        await probe.ExpectMsgAsync("watching");

        watcher.Tell("block");
        await probe.ExpectMsgAsync("blocked");
        Sys.Stop(target);

        // While the watcher is blocked the death notification arrives (system queue) and
        // Terminated is queued behind "unwatch"; unwatching must discard it.
        await AwaitAssertAsync(() => Assert.Null(Sys.Lookup("/user/target")));
        watcher.Tell("unwatch");
        gate.SetResult();

        await probe.ExpectMsgAsync("unwatched");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_stopped_watcher_is_forgotten_by_the_actor_it_watched()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = CreateTestProbe();
        watcher.Watch(target);
        await EnsureWatchRegisteredAsync(watcher, target);

        probe.Watch(watcher.Ref);
        Sys.Stop(watcher.Ref);
        await probe.ExpectTerminatedAsync(watcher.Ref);
        Sys.Stop(target);

        // The target's notification to the dead watcher is not a user-visible dead letter.
        await AwaitAssertAsync(() => Assert.Null(Sys.Lookup("/user/target")));
        Assert.Equal(0, Sys.Metrics.DeadLetters);
    }

    private static async Task EnsureWatchRegisteredAsync(TestProbe probe, IActorRef target)
    {
        // A round trip through the probe's mailbox guarantees its Watch call ran; the Watch
        // system message then precedes anything the probe sends to the target.
        probe.Send(target, "ping");
        await probe.ExpectMsgAsync("ping");
    }

    private sealed class UnwatchingActor(IActorRef probe, IActorRef target, Task gate) : ActorBase
    {
        protected override async Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case "block":
                    probe.Tell("blocked", Self);
                    await gate;
                    break;
                case "unwatch":
                    Context.Unwatch(target);
                    probe.Tell("unwatched", Self);
                    break;
                case Terminated terminated:
                    probe.Tell(terminated, Self);
                    break;
            }
        }

        protected override Task PreStartAsync()
        {
            Context.Watch(target);
            probe.Tell("watching", Self);
            return Task.CompletedTask;
        }
    }
}
