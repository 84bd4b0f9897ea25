using CondorActors.Kernel.Actors;

namespace CondorActors.Kernel.Tests.Actors;

/// <summary>Small actors shared by the kernel tests.</summary>
internal sealed class EchoActor : ActorBase
{
    protected override Task ReceiveAsync(object message)
    {
        Sender.Tell(message, Self);
        return Task.CompletedTask;
    }
}

/// <summary>Forwards every message to a probe and reports lifecycle hooks to it.</summary>
internal sealed class ReportingActor(IActorRef probe, string label) : ActorBase
{
    public sealed record Started(string Label);

    public sealed record Stopped(string Label);

    public sealed record Restarting(string Label, string Reason, object? Message);

    public sealed record Restarted(string Label, string Reason);

    public sealed record Fail(string Reason);

    public sealed record CreateChild(string Name, string ChildLabel);

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case Fail fail:
                throw new InvalidOperationException(fail.Reason);
            case CreateChild create:
                Context.ActorOf(Props.Create(() => new ReportingActor(probe, create.ChildLabel)), create.Name);
                probe.Tell("child-created:" + create.Name, Self);
                break;
            default:
                probe.Tell(message, Self);
                break;
        }

        return Task.CompletedTask;
    }

    protected override Task PreStartAsync()
    {
        probe.Tell(new Started(label), Self);
        return Task.CompletedTask;
    }

    protected override Task PostStopAsync()
    {
        probe.Tell(new Stopped(label), Self);
        return Task.CompletedTask;
    }

    protected override Task PreRestartAsync(Exception reason, object? message)
    {
        probe.Tell(new Restarting(label, reason.Message, message), Self);
        return base.PreRestartAsync(reason, message);
    }

    protected override Task PostRestartAsync(Exception reason)
    {
        probe.Tell(new Restarted(label, reason.Message), Self);
        return Task.CompletedTask;
    }
}

/// <summary>Counts messages; a failure keeps (Resume) or loses (Restart) the count.</summary>
internal sealed class CounterActor : ActorBase
{
    private int _count;

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case "inc":
                _count++;
                break;
            case "get":
                Sender.Tell(_count, Self);
                break;
            case "boom":
                throw new InvalidOperationException("boom");
            default:
                Unhandled(message);
                break;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Creates children on request and relays their messages; the parent under test.</summary>
internal sealed class ParentActor(IActorRef probe, SupervisorStrategy? strategy = null) : ActorBase
{
    public sealed record Spawn(string Name, Props Props);

    public static Props PropsFor(IActorRef probe, SupervisorStrategy strategy) =>
        Props.Create(() => new ParentActor(probe, strategy)).WithSupervisorStrategy(strategy);

    protected override Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case Spawn spawn:
                Sender.Tell(Context.ActorOf(spawn.Props, spawn.Name), Self);
                break;
            case Terminated terminated:
                probe.Tell(terminated, Self);
                break;
            default:
                probe.Tell(message, Self);
                break;
        }

        _ = strategy;
        return Task.CompletedTask;
    }
}
