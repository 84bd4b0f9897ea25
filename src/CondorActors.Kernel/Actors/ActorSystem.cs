using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// A tree of actors under <c>/user</c>, with the services, clock and options they share.
/// Create one per process (see <see cref="ActorSystemServiceCollectionExtensions.AddActorSystem"/>)
/// or one per test.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _guardian;
    private long _nameCounter;

    private ActorSystem(string name, IServiceProvider services, TimeProvider time, ActorSystemOptions options)
    {
        Name = name;
        Services = services;
        Time = time;
        Options = options;
        LoggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger<ActorSystem>();
        DeadLetterOffice = new DeadLetterOffice(this);
        DeadLetters = new DeadLetterRef(this);
        var guardianProps = Props.Create(() => new GuardianActor()).WithSupervisorStrategy(options.GuardianStrategy);
        _guardian = new ActorCell(this, parent: null, guardianProps, "user");
        _guardian.SendSystem(new Create());
    }

    public string Name { get; }

    /// <summary>Services actors get through their props (constructor injection).</summary>
    public IServiceProvider Services { get; }

    /// <summary>The clock of timers, restart backoff and ask timeouts.</summary>
    public TimeProvider Time { get; }

    public ActorSystemOptions Options { get; }

    public ActorSystemMetrics Metrics { get; } = new();

    public EventStream EventStream { get; } = new();

    /// <summary>A reference whose messages are counted and logged as dead letters.</summary>
    public IActorRef DeadLetters { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger Logger { get; }

    internal DeadLetterOffice DeadLetterOffice { get; }

    public static ActorSystem Create(string name, IServiceProvider? services = null, TimeProvider? time = null, ActorSystemOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ActorSystem(name, services ?? EmptyServiceProvider.Instance, time ?? TimeProvider.System, options ?? new ActorSystemOptions());
    }

    /// <summary>Creates a top-level actor, <c>/user/{name}</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        if (IsShuttingDown)
        {
            throw new InvalidOperationException($"Actor system '{Name}' is shutting down; it creates no new actors.");
        }

        return _guardian.CreateChild(props, name);
    }

    /// <summary>The live actor at an absolute path such as <c>/user/sites/slurm-a/g-42</c>, or null.</summary>
    public IActorRef? Lookup(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[0] != "user")
        {
            return null;
        }

        var cell = _guardian;
        for (var i = 1; i < segments.Length && cell is not null; i++)
        {
            cell = cell.ChildCell(segments[i]);
        }

        return cell is { IsDead: false } ? cell : null;
    }

    /// <summary>Stops an actor asynchronously (children first); its watchers get Terminated.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not ActorCell cell)
        {
            throw new ArgumentException($"{actor.Path} is not an actor of system '{Name}'.", nameof(actor));
        }

        cell.SendSystem(new Terminate());
    }

    internal string NextAutoName() => "$" + Base36(Interlocked.Increment(ref _nameCounter));

    internal double NextJitter() => Options.JitterSource();

    private static string Base36(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[i..]);
    }

    private sealed class GuardianActor : ActorBase
    {
        protected override Task ReceiveAsync(object message)
        {
            Unhandled(message);
            return Task.CompletedTask;
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
