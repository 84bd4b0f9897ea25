using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// How to create an actor: an immutable recipe, shared by every incarnation of the actor (a
/// restart calls the factory again). Actors built from a type get constructor arguments from
/// dependency injection, with explicit arguments taking precedence.
/// </summary>
public sealed record Props
{
    /// <summary>Default number of messages an actor processes per turn before yielding its thread.</summary>
    public const int DefaultThroughput = 100;

    /// <summary>Default bound of an actor's stash.</summary>
    public const int DefaultStashCapacity = 10_000;

    private Props(Func<IServiceProvider, ActorBase> factory, Type actorType)
    {
        Factory = factory;
        ActorType = actorType;
    }

    /// <summary>The actor type, for logs and diagnostics.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy this actor applies to ITS CHILDREN when they fail.</summary>
    public SupervisorStrategy SupervisorStrategy { get; init; } = SupervisorStrategy.Default;

    /// <summary>Messages processed per turn before the thread is given back to the pool.</summary>
    public int Throughput { get; init; } = DefaultThroughput;

    /// <summary>Most messages the actor may stash; one more throws <see cref="StashOverflowException"/>.</summary>
    public int StashCapacity { get; init; } = DefaultStashCapacity;

    internal Func<IServiceProvider, ActorBase> Factory { get; }

    /// <summary>Props for <typeparamref name="TActor"/>; services come from DI, <paramref name="args"/> first.</summary>
    public static Props Create<TActor>(params object[] args)
        where TActor : ActorBase =>
        new(services => ActivatorUtilities.CreateInstance<TActor>(services, args), typeof(TActor));

    /// <summary>Props from a factory that needs no services.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(_ => factory(), typeof(TActor));
    }

    /// <summary>Props from a factory that takes services from the system's provider.</summary>
    public static Props Create<TActor>(Func<IServiceProvider, TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(services => factory(services), typeof(TActor));
    }

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) =>
        this with { SupervisorStrategy = strategy ?? throw new ArgumentNullException(nameof(strategy)) };

    public Props WithThroughput(int throughput) =>
        this with { Throughput = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput), throughput, "Throughput must be positive.") };

    public Props WithStashCapacity(int capacity) =>
        this with { StashCapacity = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Stash capacity must not be negative.") };
}
