using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class DeadLetterTests(ITestOutputHelper output) : ActorTestBase(output)
{
    [Fact]
    public async Task Messages_to_a_stopped_actor_are_counted_and_published_not_thrown()
    {
        var probe = CreateTestProbe();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var actor = Sys.ActorOf(Props.Create(() => new EchoActor()), "short-lived");
        probe.Watch(actor);
        Sys.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);

        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i, probe.Ref);
        }

        Assert.Equal(100, Sys.Metrics.DeadLetters);
        Assert.Equal(0, Sys.Metrics.UnhandledMessages);
        var first = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(0, first.Message);
        Assert.Same(actor, first.Recipient);
        Assert.Same(probe.Ref, first.Sender);
    }

    [Fact]
    public async Task Unhandled_messages_are_counted_separately()
    {
        var counter = Sys.ActorOf(Props.Create(() => new CounterActor()), "counter");

        counter.Tell(3.14);
        counter.Tell("inc");
        Assert.Equal(1, await counter.Ask<int>("get", TimeSpan.FromSeconds(5)));

        Assert.Equal(1, Sys.Metrics.UnhandledMessages);
        Assert.Equal(0, Sys.Metrics.DeadLetters);
    }

    [Fact]
    public async Task A_reply_without_a_sender_goes_to_dead_letters()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        echo.Tell("nobody will read this");

        await AwaitAssertAsync(() => Assert.Equal(1, Sys.Metrics.DeadLetters));
    }

    [Fact]
    public async Task Messages_left_in_the_mailbox_of_a_stopped_actor_become_dead_letters()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new BlockingActor(probe.Ref, gate.Task)), "blocking");
        actor.Tell("block");
        await probe.ExpectMsgAsync("blocked");
        for (var i = 0; i < 10; i++)
        {
            actor.Tell(i);
        }

        Sys.Stop(actor);
        gate.SetResult();

        await AwaitAssertAsync(() => Assert.Equal(10, Sys.Metrics.DeadLetters));
    }

    private sealed class BlockingActor(IActorRef probe, Task gate) : ActorBase
    {
        protected override async Task ReceiveAsync(object message)
        {
            if (message is "block")
            {
                probe.Tell("blocked", Self);
                await gate;
            }
        }
    }
}
