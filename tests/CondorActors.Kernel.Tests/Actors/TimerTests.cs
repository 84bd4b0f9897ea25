using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class TimerTests(ITestOutputHelper output) : ActorTestBase(output)
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_single_timer_fires_once_after_its_delay()
    {
        var probe = CreateTestProbe();
        var actor = await StartTimerActorAsync(probe);

        actor.Tell(new TimerActor.Single("k", "tick", TimeSpan.FromSeconds(5)));
        await probe.ExpectMsgAsync("started");
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        _time.Advance(TimeSpan.FromSeconds(0.1));

        await probe.ExpectMsgAsync("tick");
        _time.Advance(TimeSpan.FromMinutes(1));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.False(await actor.Ask<bool>(new TimerActor.IsActive("k"), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_periodic_timer_fires_every_interval_until_cancelled()
    {
        var probe = CreateTestProbe();
        var actor = await StartTimerActorAsync(probe);
        actor.Tell(new TimerActor.Periodic("p", "beat", TimeSpan.FromSeconds(10)));
        await probe.ExpectMsgAsync("started");

        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await probe.ExpectMsgAsync("beat");
        }

        actor.Tell(new TimerActor.Cancel("p"));
        await probe.ExpectMsgAsync("cancelled");
        _time.Advance(TimeSpan.FromSeconds(30));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public async Task A_timer_with_the_same_key_replaces_the_old_one()
    {
        var probe = CreateTestProbe();
        var actor = await StartTimerActorAsync(probe);

        actor.Tell(new TimerActor.Single("k", "old", TimeSpan.FromSeconds(1)));
        actor.Tell(new TimerActor.Single("k", "new", TimeSpan.FromSeconds(2)));
        await probe.ExpectMsgAsync("started");
        await probe.ExpectMsgAsync("started");
        _time.Advance(TimeSpan.FromSeconds(5));

        await probe.ExpectMsgAsync("new");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_message_from_a_replaced_timer_that_was_already_queued_is_discarded()
    {
        var probe = CreateTestProbe();
        var actor = await StartTimerActorAsync(probe);
        actor.Tell(new TimerActor.Single("k", "old", TimeSpan.FromSeconds(1)));
        await probe.ExpectMsgAsync("started");

        // While the actor is blocked, the replacement is queued and then the old timer fires:
        // its message lands behind the replacement and must be discarded.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new TimerActor.Block(gate.Task));
        await probe.ExpectMsgAsync("blocked");
        actor.Tell(new TimerActor.Single("k", "new", TimeSpan.FromSeconds(10)));
        _time.Advance(TimeSpan.FromSeconds(1));
        gate.SetResult();

        await probe.ExpectMsgAsync("started");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(10));
        await probe.ExpectMsgAsync("new");
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_stops()
    {
        var probe = CreateTestProbe();
        var actor = await StartTimerActorAsync(probe);
        actor.Tell(new TimerActor.Periodic("p", "beat", TimeSpan.FromSeconds(1)));
        actor.Tell(new TimerActor.Single("s", "once", TimeSpan.FromSeconds(1)));
        await probe.ExpectMsgAsync("started");
        await probe.ExpectMsgAsync("started");
        Assert.Equal(2, _time.ActiveTimers);

        probe.Watch(actor);
        Sys.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);

        Assert.Equal(0, _time.ActiveTimers);
        _time.Advance(TimeSpan.FromSeconds(5));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, Sys.Metrics.DeadLetters);
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_restarts()
    {
        var probe = CreateTestProbe();
        var actor = await StartTimerActorAsync(probe);
        actor.Tell(new TimerActor.Periodic("p", "beat", TimeSpan.FromSeconds(1)));
        await probe.ExpectMsgAsync("started");

        actor.Tell("fail");
        await AwaitAssertAsync(() => Assert.Equal(2, _time.ActiveTimers)); // the periodic timer and the restart backoff
        _time.Advance(TimeSpan.FromSeconds(1));

        await probe.ExpectMsgAsync("restarted");
        _time.Advance(TimeSpan.FromSeconds(5));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, _time.ActiveTimers);
    }

    protected override TimeProvider CreateTimeProvider() => _time;

    private async Task<IActorRef> StartTimerActorAsync(TestProbe probe)
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        await probe.ExpectMsgAsync("ready");
        return actor;
    }

    private sealed class TimerActor(IActorRef probe) : ActorBase
    {
        public sealed record Single(string Key, string Message, TimeSpan Delay);

        public sealed record Periodic(string Key, string Message, TimeSpan Interval);

        public sealed record Cancel(string Key);

        public sealed record IsActive(string Key);

        public sealed record Block(Task Gate);

        protected override async Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case Single single:
                    Timers.StartSingleTimer(single.Key, single.Message, single.Delay);
                    probe.Tell("started", Self);
                    break;
                case Periodic periodic:
                    Timers.StartPeriodicTimer(periodic.Key, periodic.Message, periodic.Interval);
                    probe.Tell("started", Self);
                    break;
                case Cancel cancel:
                    Timers.Cancel(cancel.Key);
                    probe.Tell("cancelled", Self);
                    break;
                case IsActive query:
                    Sender.Tell(Timers.IsActive(query.Key), Self);
                    break;
                case Block block:
                    probe.Tell("blocked", Self);
                    await block.Gate;
                    break;
                case "fail":
                    throw new InvalidOperationException("fail");
                default:
                    probe.Tell(message, Self);
                    break;
            }
        }

        protected override Task PreStartAsync()
        {
            probe.Tell("ready", Self);
            return Task.CompletedTask;
        }

        protected override Task PostRestartAsync(Exception reason)
        {
            probe.Tell("restarted", Self);
            return Task.CompletedTask;
        }
    }
}
