using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class ActorSystemTests(ITestOutputHelper output) : ActorTestBase(output)
{
    [Fact]
    public async Task Children_get_unique_paths_and_can_be_looked_up()
    {
        var probe = CreateTestProbe();
        var sites = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "sites")), "sites");
        sites.Tell(new ReportingActor.CreateChild("slurm-a", "site"));
        await probe.ExpectMsgAsync<ReportingActor.Started>();
        await probe.ExpectMsgAsync("child-created:slurm-a");

        var site = Sys.Lookup("/user/sites/slurm-a");
        Assert.NotNull(site);
        Assert.Equal("/user/sites/slurm-a", site.Path);
        Assert.Equal("/user/sites", sites.Path);
        Assert.Null(Sys.Lookup("/user/sites/nope"));
        Assert.Null(Sys.Lookup("/system/sites"));
    }

    [Fact]
    public void A_duplicate_child_name_throws_a_clear_exception()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), "twin");

        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), "twin"));
        Assert.Contains("/user", ex.Message);
        Assert.Contains("'twin'", ex.Message);
    }

    [Fact]
    public void Invalid_names_are_rejected()
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), "a/b"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), " "));
    }

    [Fact]
    public async Task Context_child_finds_a_child_by_name()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(ParentActor.PropsFor(probe.Ref, SupervisorStrategy.Default), "parent");
        var child = await parent.Ask<IActorRef>(new ParentActor.Spawn("kid", Props.Create(() => new EchoActor())), TimeSpan.FromSeconds(5));

        Assert.Equal("/user/parent/kid", child.Path);
        Assert.Same(child, Sys.Lookup("/user/parent/kid"));
    }

    [Fact]
    public async Task Actors_built_from_a_type_get_services_from_dependency_injection()
    {
        var actor = Sys.ActorOf(Props.Create<GreeterActor>(), "greeter");

        var reply = await actor.Ask<string>("world", TimeSpan.FromSeconds(5));

        Assert.Equal("hello, world", reply);
    }

    [Fact]
    public async Task Messages_from_one_sender_arrive_in_order_under_concurrency()
    {
        const int PerSender = 2000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker()), "checker");
        var senders = Enumerable.Range(0, 4).Select(i => Sys.ActorOf(Props.Create(() => new EchoActor()), "s" + i)).ToArray();

        await Task.WhenAll(senders.Select(sender => Task.Run(() =>
        {
            for (var n = 1; n <= PerSender; n++)
            {
                checker.Tell(n, sender);
            }
        })));

        var result = await checker.Ask<OrderChecker.Result>(OrderChecker.GetResult.Instance, TimeSpan.FromSeconds(10));
        Assert.Equal(0, result.OutOfOrder);
        Assert.Equal(4 * PerSender, result.Total);
    }

    [Fact]
    public async Task An_actor_handles_one_message_at_a_time_even_when_handlers_await()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ConcurrencyProbeActor()), "serial");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                actor.Tell("work");
            }
        })));
        var (processed, maxConcurrent) = await actor.Ask<(int, int)>("report", TimeSpan.FromSeconds(10));

        Assert.Equal(200, processed);
        Assert.Equal(1, maxConcurrent);
    }

    [Fact]
    public async Task Poison_pill_stops_after_earlier_messages()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "a")), "a");
        await probe.ExpectMsgAsync<ReportingActor.Started>();

        actor.Tell("first");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("after");

        await probe.ExpectMsgAsync("first");
        await probe.ExpectMsgAsync<ReportingActor.Stopped>();
        await AwaitAssertAsync(() => Assert.Equal(1, Sys.Metrics.DeadLetters));
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new Greeting("hello"));

    internal sealed record Greeting(string Word);

    private sealed class GreeterActor(Greeting greeting) : ActorBase
    {
        protected override Task ReceiveAsync(object message)
        {
            Sender.Tell($"{greeting.Word}, {message}", Self);
            return Task.CompletedTask;
        }
    }

    private sealed class OrderChecker : ActorBase
    {
        private readonly Dictionary<IActorRef, int> _last = [];
        private int _outOfOrder;
        private int _total;

        public sealed record Result(int Total, int OutOfOrder);

        public sealed record GetResult
        {
            public static GetResult Instance { get; } = new();
        }

        protected override Task ReceiveAsync(object message)
        {
            if (message is int n)
            {
                _total++;
                _last.TryGetValue(Sender, out var previous);
                if (n != previous + 1)
                {
                    _outOfOrder++;
                }

                _last[Sender] = n;
            }
            else if (message is GetResult)
            {
                Sender.Tell(new Result(_total, _outOfOrder), Self);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class ConcurrencyProbeActor : ActorBase
    {
        private int _inside;
        private int _max;
        private int _processed;

        protected override async Task ReceiveAsync(object message)
        {
            if (message is "report")
            {
                Sender.Tell((_processed, _max), Self);
                return;
            }

            var now = Interlocked.Increment(ref _inside);
            _max = Math.Max(_max, now);
            await Task.Yield();
            _processed++;
            Interlocked.Decrement(ref _inside);
        }
    }
}
