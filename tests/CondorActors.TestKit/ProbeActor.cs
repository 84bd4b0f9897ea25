using System.Threading.Channels;
using CondorActors.Kernel.Actors;

namespace CondorActors.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: forwards everything to the probe's channel.</summary>
internal sealed class ProbeActor(ChannelWriter<(object Message, IActorRef? Sender)> received) : ActorBase
{
    protected override Task ReceiveAsync(object message)
    {
        if (message is WatchCommand command)
        {
            if (command.Unwatch)
            {
                Context.Unwatch(command.Target);
            }
            else
            {
                Context.Watch(command.Target);
            }
        }
        else
        {
            received.TryWrite((message, Context.Sender == Context.System.DeadLetters ? null : Context.Sender));
        }

        return Task.CompletedTask;
    }

    internal sealed record WatchCommand(IActorRef Target, bool Unwatch);
}
