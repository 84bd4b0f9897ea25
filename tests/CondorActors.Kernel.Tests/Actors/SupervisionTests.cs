using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class SupervisionTests(ITestOutputHelper output) : ActorTestBase(output)
{
    private static readonly SupervisorStrategy ImmediateRestart =
        new SupervisorStrategy(_ => Directive.Restart).WithBackoff(TimeSpan.Zero, TimeSpan.Zero, 0);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_failed_child_is_restarted_with_hooks_and_the_failing_message_is_dropped_and_reported()
    {
        var probe = CreateTestProbe();
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<MessageFailed>(failures.Ref);
        var child = await SpawnUnder(ImmediateRestart, probe, "c");

        child.Tell(new ReportingActor.Fail("bad input"));
        child.Tell("next");

        var restarting = await probe.ExpectMsgAsync<ReportingActor.Restarting>();
        Assert.Equal("bad input", restarting.Reason);
        Assert.Equal(new ReportingActor.Fail("bad input"), restarting.Message);
        Assert.Equal("bad input", (await probe.ExpectMsgAsync<ReportingActor.Restarted>()).Reason);
        await probe.ExpectMsgAsync("next");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        var failed = await failures.ExpectMsgAsync<MessageFailed>();
        Assert.Same(child, failed.Actor);
        Assert.Equal(1, Sys.Metrics.FailedMessages);
        Assert.Equal(1, Sys.Metrics.Restarts);
    }

    [Fact]
    public async Task Restart_replaces_the_state_and_resume_keeps_it()
    {
        var restarted = await CounterAfterFailure(ImmediateRestart);
        var resumed = await CounterAfterFailure(new SupervisorStrategy(_ => Directive.Resume));

        Assert.Equal(0, restarted);
        Assert.Equal(2, resumed);
    }

    [Fact]
    public async Task Repeated_failures_hit_the_restart_limit_and_the_child_stops()
    {
        var probe = CreateTestProbe();
        var strategy = ImmediateRestart.WithRestartLimit(2, TimeSpan.FromMinutes(1));
        var child = await SpawnUnder(strategy, probe, "c");
        probe.Watch(child);

        for (var i = 1; i <= 3; i++)
        {
            child.Tell(new ReportingActor.Fail("failure " + i));
        }

        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef == child);
        Assert.Equal(2, Sys.Metrics.Restarts);
        Assert.Equal(3, Sys.Metrics.FailedMessages);
    }

    [Fact]
    public async Task Failures_outside_the_window_do_not_count_towards_the_limit()
    {
        var probe = CreateTestProbe();
        var strategy = ImmediateRestart.WithRestartLimit(1, TimeSpan.FromMinutes(1));
        var child = await SpawnUnder(strategy, probe, "c");

        child.Tell(new ReportingActor.Fail("first"));
        await probe.FishForMessageAsync<ReportingActor.Restarted>(_ => true);
        _time.Advance(TimeSpan.FromMinutes(2));
        child.Tell(new ReportingActor.Fail("second"));

        await probe.FishForMessageAsync<ReportingActor.Restarted>(r => r.Reason == "second");
    }

    [Fact]
    public async Task Restart_waits_an_exponential_backoff_with_jitter_on_the_injected_clock()
    {
        var probe = CreateTestProbe();
        var strategy = new SupervisorStrategy(_ => Directive.Restart).WithBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2);
        var child = await SpawnUnder(strategy, probe, "c");

        // The jitter source returns 0.5: backoffs are 1 s * 1.1, then 2 s * 1.1.
        child.Tell(new ReportingActor.Fail("one"));
        await AwaitAssertAsync(() => Assert.Equal(1, _time.ActiveTimers));
        _time.Advance(TimeSpan.FromSeconds(1.09));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(0.02));
        await probe.ExpectMsgAsync<ReportingActor.Restarting>();
        await probe.ExpectMsgAsync<ReportingActor.Restarted>();

        child.Tell(new ReportingActor.Fail("two"));
        await AwaitAssertAsync(() => Assert.Equal(1, _time.ActiveTimers));
        _time.Advance(TimeSpan.FromSeconds(2.19));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(0.02));
        Assert.Equal("two", (await probe.ExpectMsgAsync<ReportingActor.Restarting>()).Reason);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_maximum_and_adds_jitter()
    {
        var strategy = SupervisorStrategy.Default.WithBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0.5);

        Assert.Equal(TimeSpan.FromSeconds(1), strategy.ComputeBackoff(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), strategy.ComputeBackoff(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(5), strategy.ComputeBackoff(10, 0));
        Assert.Equal(TimeSpan.FromSeconds(7.5), strategy.ComputeBackoff(10, 1));
        Assert.Equal(TimeSpan.FromSeconds(1.25), strategy.ComputeBackoff(1, 0.5));
    }

    [Fact]
    public async Task Stop_directive_stops_the_child()
    {
        var probe = CreateTestProbe();
        var child = await SpawnUnder(SupervisorStrategy.StoppingStrategy, probe, "c");
        probe.Watch(child);

        child.Tell(new ReportingActor.Fail("fatal"));

        await probe.ExpectMsgAsync<ReportingActor.Stopped>();
        await probe.ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task An_actor_whose_start_fails_is_stopped_by_the_default_strategy()
    {
        var probe = CreateTestProbe();
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<MessageFailed>(failures.Ref);

        var actor = Sys.ActorOf(Props.Create<FailingStartActor>(), "bad-start");
        probe.Watch(actor);

        await probe.ExpectTerminatedAsync(actor);
        var failed = await failures.ExpectMsgAsync<MessageFailed>();
        Assert.IsType<ActorInitializationException>(failed.Cause);
        Assert.Contains("/user/bad-start", failed.Cause.Message);
    }

    [Fact]
    public async Task Escalation_fails_the_parent_and_its_restart_stops_the_children_first()
    {
        var probe = CreateTestProbe();
        var escalating = new SupervisorStrategy(_ => Directive.Escalate);
        var parent = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "p")).WithSupervisorStrategy(escalating), "p");
        await probe.ExpectMsgAsync<ReportingActor.Started>();
        parent.Tell(new ReportingActor.CreateChild("c", "c"));
        await ExpectChildCreatedAsync(probe, "c");
        var child = Sys.Lookup("/user/p/c")!;

        child.Tell(new ReportingActor.Fail("deep trouble"));

        // The guardian restarts the parent after the default 100 ms backoff (jitter 0.5: 110 ms).
        await AwaitAssertAsync(() => Assert.Equal(1, _time.ActiveTimers));
        _time.Advance(TimeSpan.FromMilliseconds(110));
        var restarting = await probe.ExpectMsgAsync<ReportingActor.Restarting>(predicate: r => r.Label == "p");
        Assert.Equal("deep trouble", restarting.Reason);
        await probe.ExpectMsgAsync<ReportingActor.Stopped>(predicate: s => s.Label == "c");
        await probe.ExpectMsgAsync<ReportingActor.Restarted>(predicate: r => r.Label == "p");
        Assert.Null(Sys.Lookup("/user/p/c"));
    }

    [Fact]
    public async Task Exceeding_the_limit_can_escalate_instead_of_stopping()
    {
        var probe = CreateTestProbe();
        var strategy = ImmediateRestart.WithRestartLimit(0, TimeSpan.FromMinutes(1), Directive.Escalate);
        var parent = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "p")).WithSupervisorStrategy(strategy), "p");
        await probe.ExpectMsgAsync<ReportingActor.Started>();
        parent.Tell(new ReportingActor.CreateChild("c", "c"));
        await ExpectChildCreatedAsync(probe, "c");

        Sys.Lookup("/user/p/c")!.Tell(new ReportingActor.Fail("again"));

        await AwaitAssertAsync(() => Assert.Equal(1, _time.ActiveTimers));
        _time.Advance(TimeSpan.FromMilliseconds(110));
        await probe.FishForMessageAsync<ReportingActor.Restarting>(r => r.Label == "p");
    }

    protected override TimeProvider CreateTimeProvider() => _time;

    protected override void ConfigureOptions(ActorSystemOptions options) => options.JitterSource = () => 0.5;

    private async Task<IActorRef> SpawnUnder(SupervisorStrategy strategy, TestProbe probe, string label)
    {
        var parent = Sys.ActorOf(ParentActor.PropsFor(probe.Ref, strategy), "parent-" + label);
        var child = await parent.Ask<IActorRef>(new ParentActor.Spawn(label, Props.Create(() => new ReportingActor(probe.Ref, label))), TimeSpan.FromSeconds(5));
        await probe.ExpectMsgAsync<ReportingActor.Started>();
        return child;
    }

    private static async Task ExpectChildCreatedAsync(TestProbe probe, string name)
    {
        // The parent's report and the child's start come from two actors, in either order.
        object[] received = [await probe.ExpectMsgAsync<object>(), await probe.ExpectMsgAsync<object>()];
        Assert.Contains(new ReportingActor.Started(name), received);
        Assert.Contains("child-created:" + name, received);
    }

    private async Task<int> CounterAfterFailure(SupervisorStrategy strategy)
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(ParentActor.PropsFor(probe.Ref, strategy));
        var counter = await parent.Ask<IActorRef>(new ParentActor.Spawn("counter", Props.Create(() => new CounterActor())), TimeSpan.FromSeconds(5));
        counter.Tell("inc");
        counter.Tell("inc");
        counter.Tell("boom");
        return await counter.Ask<int>("get", TimeSpan.FromSeconds(5));
    }
}

internal sealed class FailingStartActor : ActorBase
{
    protected override Task ReceiveAsync(object message) => Task.CompletedTask;

    protected override Task PreStartAsync() => throw new InvalidOperationException("cannot start");
}
