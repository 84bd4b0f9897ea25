using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class StashTests(ITestOutputHelper output) : ActorTestBase(output)
{
    [Fact]
    public async Task Unstashed_messages_come_first_in_their_order_before_the_rest_of_the_mailbox()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new StashingActor(probe.Ref)), "stasher");

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new StashingActor.Block(gate.Task));
        await probe.ExpectMsgAsync("blocked");
        actor.Tell("open");
        actor.Tell("c");
        gate.SetResult();

        await probe.ExpectMsgAsync("a");
        await probe.ExpectMsgAsync("b");
        await probe.ExpectMsgAsync("c");
    }

    [Fact]
    public async Task Stashing_beyond_the_capacity_fails_the_actor_with_a_clear_error()
    {
        var probe = CreateTestProbe();
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe<MessageFailed>(failures.Ref);
        var actor = Sys.ActorOf(Props.Create(() => new StashingActor(probe.Ref)).WithStashCapacity(2), "small");

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("c");

        var failed = await failures.ExpectMsgAsync<MessageFailed>();
        var overflow = Assert.IsType<StashOverflowException>(failed.Cause);
        Assert.Contains("/user/small", overflow.Message);
        Assert.Contains("2 messages", overflow.Message);
        Assert.Equal("c", failed.Message);
    }

    [Fact]
    public async Task Stashed_messages_survive_a_restart()
    {
        var probe = CreateTestProbe();
        var strategy = new SupervisorStrategy(_ => Directive.Restart).WithBackoff(TimeSpan.Zero, TimeSpan.Zero, 0);
        var parent = Sys.ActorOf(ParentActor.PropsFor(probe.Ref, strategy), "parent");
        var actor = await parent.Ask<IActorRef>(new ParentActor.Spawn("stasher", Props.Create(() => new StashingActor(probe.Ref))), TimeSpan.FromSeconds(5));

        actor.Tell("a");
        actor.Tell("fail");
        actor.Tell("open");

        await probe.ExpectMsgAsync("a");
    }

    /// <summary>Stashes strings until "open", then unstashes and echoes strings to the probe.</summary>
    private sealed class StashingActor(IActorRef probe) : ActorBase
    {
        private bool _open;

        public sealed record Block(Task Gate);

        protected override async Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case Block block:
                    probe.Tell("blocked", Self);
                    await block.Gate;
                    break;
                case "fail":
                    throw new InvalidOperationException("fail");
                case "open":
                    _open = true;
                    UnstashAll();
                    break;
                case string text when !_open:
                    _ = text;
                    Stash();
                    break;
                case string text:
                    probe.Tell(text, Self);
                    break;
            }
        }
    }
}
