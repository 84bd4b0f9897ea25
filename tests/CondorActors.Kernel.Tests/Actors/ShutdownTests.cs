using System.Collections.Concurrent;
using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class ShutdownTests(ITestOutputHelper output) : ActorTestBase(output)
{
    [Fact]
    public async Task Messages_queued_before_shutdown_are_processed_while_draining()
    {
        var log = new ConcurrentQueue<string>();
        var slow = Sys.ActorOf(Props.Create(() => new SlowActor(log)), "slow");
        for (var i = 0; i < 30; i++)
        {
            slow.Tell("m" + i);
        }

        await Sys.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 30).Select(i => "m" + i).Append("stopped"), log);
    }

    [Fact]
    public async Task During_the_drain_messages_from_outside_are_refused_but_actors_still_talk()
    {
        var log = new ConcurrentQueue<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Sys.ActorOf(Props.Create(() => new SlowActor(log)), "slow");
        var relay = Sys.ActorOf(Props.Create(() => new GateRelay(gate.Task, slow)), "relay");
        relay.Tell("go");
        await AwaitAssertAsync(() => Assert.True(GateRelay.IsBlocked(relay)));

        var terminating = Sys.TerminateAsync(TimeSpan.FromSeconds(30));
        slow.Tell("from-outside");
        gate.SetResult();
        await terminating;

        Assert.Contains("from-relay", log);
        Assert.DoesNotContain("from-outside", log);
        Assert.Equal(1, Sys.Metrics.DeadLetters);
    }

    [Fact]
    public async Task Actors_stop_children_first_and_shutdown_tasks_run_after_all_actors_stopped()
    {
        var log = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new TreeActor(log, 2)), "root");
        await AwaitAssertAsync(() => Assert.Equal(7, Sys.Metrics.LiveActors)); // 1 + 2 + 4
        long liveWhenTaskRan = -1;
        Sys.RegisterShutdownTask("flush-journal", () =>
        {
            liveWhenTaskRan = Sys.Metrics.LiveActors;
            log.Enqueue("shutdown-task");
            return Task.CompletedTask;
        });

        await Sys.TerminateAsync(TimeSpan.Zero);

        var order = log.ToList();
        Assert.Equal(8, order.Count);
        foreach (var path in order.Where(p => p.StartsWith('/')))
        {
            // Every actor stopped after all of its descendants.
            var descendants = order.Where(p => p.StartsWith(path + "/", StringComparison.Ordinal));
            Assert.All(descendants, d => Assert.True(order.IndexOf(d) < order.IndexOf(path), $"{d} should stop before {path}"));
        }

        Assert.Equal("/user/root", order[^2]);
        Assert.Equal("shutdown-task", order[^1]);
        Assert.Equal(0, liveWhenTaskRan);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Shutdown_stops_at_the_drain_deadline_and_drops_what_is_left()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocked = Sys.ActorOf(Props.Create(() => new GateRelay(gate.Task, null)), "blocked");
        Sys.ActorOf(Props.Create(() => new StopSignal(gate)), "signal");
        blocked.Tell("go");
        blocked.Tell("left-1", blocked);
        blocked.Tell("left-2", blocked);

        // The drain gives up after 50 ms; stopping the sibling then releases the gate.
        await Sys.TerminateAsync(TimeSpan.FromMilliseconds(50));

        Assert.Equal(2, Sys.Metrics.DeadLetters);
    }

    [Fact]
    public async Task The_generic_host_starts_and_stops_the_actor_system()
    {
        var log = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddActorSystem("hosted", options => options.DrainTimeout = TimeSpan.FromSeconds(5));
        using var host = builder.Build();
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        system.RegisterShutdownTask("after-actors", () =>
        {
            log.Enqueue("shutdown-task");
            return Task.CompletedTask;
        });
        var slow = system.ActorOf(Props.Create(() => new SlowActor(log)), "slow");
        slow.Tell("work");

        await host.StopAsync();

        Assert.Equal(["work", "stopped", "shutdown-task"], log);
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    private sealed class SlowActor(ConcurrentQueue<string> log) : ActorBase
    {
        protected override async Task ReceiveAsync(object message)
        {
            await Task.Delay(1);
            log.Enqueue((string)message);
        }

        protected override Task PostStopAsync()
        {
            log.Enqueue("stopped");
            return Task.CompletedTask;
        }
    }

    /// <summary>On "go" blocks on the gate, then tells its target (with itself as sender).</summary>
    private sealed class GateRelay(Task gate, IActorRef? target) : ActorBase
    {
        private static readonly ConcurrentDictionary<IActorRef, bool> Blocked = new();

        public static bool IsBlocked(IActorRef relay) => Blocked.ContainsKey(relay);

        protected override async Task ReceiveAsync(object message)
        {
            if (message is "go")
            {
                Blocked[Self] = true;
                await gate;
                target?.Tell("from-relay", Self);
            }
        }
    }

    private sealed class StopSignal(TaskCompletionSource gate) : ActorBase
    {
        protected override Task ReceiveAsync(object message) => Task.CompletedTask;

        protected override Task PostStopAsync()
        {
            gate.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class TreeActor(ConcurrentQueue<string> log, int depth) : ActorBase
    {
        protected override Task ReceiveAsync(object message) => Task.CompletedTask;

        protected override Task PreStartAsync()
        {
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new TreeActor(log, depth - 1)), "l");
                Context.ActorOf(Props.Create(() => new TreeActor(log, depth - 1)), "r");
            }

            return Task.CompletedTask;
        }

        protected override Task PostStopAsync()
        {
            log.Enqueue(Self.Path);
            return Task.CompletedTask;
        }
    }
}
