using CondorActors.Kernel.Actors;
using CondorActors.TestKit;
using Xunit.Abstractions;

namespace CondorActors.Kernel.Tests.Actors;

public sealed class MailboxTests(ITestOutputHelper output) : ActorTestBase(output)
{
    [Fact]
    public async Task A_stop_overtakes_user_messages_queued_before_it()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new GatedActor(probe.Ref, gate.Task)), "gated");
        actor.Tell("block");
        await probe.ExpectMsgAsync("blocked");

        actor.Tell("queued-1");
        actor.Tell("queued-2");
        Sys.Stop(actor);
        gate.SetResult();

        await probe.ExpectMsgAsync("stopped");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, Sys.Metrics.DeadLetters);
    }

    [Fact]
    public async Task Throughput_cap_lets_other_actors_run()
    {
        var probe = CreateTestProbe();
        var busy = Sys.ActorOf(Props.Create(() => new EchoActor()).WithThroughput(1), "busy");
        for (var i = 0; i < 1000; i++)
        {
            busy.Tell(i, probe.Ref);
        }

        for (var i = 0; i < 1000; i++)
        {
            await probe.ExpectMsgAsync(i);
        }
    }

    private sealed class GatedActor(IActorRef probe, Task gate) : ActorBase
    {
        protected override async Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case "block":
                    probe.Tell("blocked", Self);
                    await gate;
                    break;
                case "stop-yourself":
                    Context.Stop(Self);
                    break;
                default:
                    probe.Tell(message, Self);
                    break;
            }
        }

        protected override Task PostStopAsync()
        {
            probe.Tell("stopped", Self);
            return Task.CompletedTask;
        }
    }
}
