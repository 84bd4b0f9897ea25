using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Actors;

/// <summary>
/// The runtime side of one actor: its mailbox, lifecycle, children, watchers and timers. The
/// cell is also the actor's reference and context, so an idle actor costs one object plus its
/// instance. Everything except <see cref="Tell"/>, <see cref="SendSystem"/> and child lookup
/// runs on the mailbox's single logical thread.
/// </summary>
internal sealed partial class ActorCell : IActorRef, IActorContext
{
    // Lifecycle, ordered: comparisons like ">= Terminating" rely on it.
    private const int Creating = 0;
    private const int Running = 1;
    private const int Recreating = 2;
    private const int Terminating = 3;
    private const int Dead = 4;

    [ThreadStatic]
    private static ActorCell? _constructing;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly Props _props;
    private ActorBase? _actor;
    private volatile int _lifecycle;
    private ConcurrentDictionary<string, ActorCell>? _children;
    private HashSet<ActorCell>? _stoppingChildren;
    private TimerScheduler? _timers;
    private ILogger? _log;
    private Envelope _current;
    private Exception? _failure;
    private object? _failedMessage;

    internal ActorCell(ActorSystem system, ActorCell? parent, Props props, string name)
    {
        _system = system;
        _parent = parent;
        _props = props;
        Name = name;
        Path = parent is null ? "/" + name : parent.Path + "/" + name;
    }

    /// <summary>The cell whose actor instance is being constructed on this thread.</summary>
    internal static ActorCell? Constructing => _constructing;

    public string Path { get; }

    public string Name { get; }

    public ActorSystem System => _system;

    public IActorRef Self => this;

    public IActorRef Sender => _current.Sender ?? _system.DeadLetters;

    public IActorRef? Parent => _parent;

    public IEnumerable<IActorRef> Children => _children?.Values ?? Enumerable.Empty<IActorRef>();

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    public ILogger Log => _log ??= _system.LoggerFactory.CreateLogger(_props.ActorType);

    internal IActorRef? CurrentSender => _current.Sender;

    internal bool IsDead => _lifecycle == Dead;

    /// <summary>Restart bookkeeping, owned by the parent (touched only on the parent's thread).</summary>
    internal RestartStatistics? RestartStats { get; set; }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_lifecycle == Dead)
        {
            _system.DeadLetterOffice.Undeliverable(message, sender, this, "recipient stopped");
            return;
        }

        // While the system drains, work from outside (no sender, or an Ask) is refused so the
        // mailboxes can empty; messages between actors still flow.
        if (_system.IsShuttingDown && sender is null or AskRef)
        {
            _system.DeadLetterOffice.Undeliverable(message, sender, this, "actor system shutting down");
            return;
        }

        Post(new Envelope(message, sender));
    }

    /// <summary>Tell without the shutdown filter: timers, event stream, death watch.</summary>
    internal void TellInternal(object message, IActorRef? sender)
    {
        if (_lifecycle == Dead)
        {
            _system.DeadLetterOffice.Undeliverable(message, sender, this, "recipient stopped");
            return;
        }

        Post(new Envelope(message, sender));
    }

    public IActorRef ActorOf(Props props, string? name = null) => CreateChild(props, name);

    public IActorRef? Child(string name) => ChildCell(name);

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, this))
        {
            SendSystem(new Terminate());
        }
        else if (actor is ActorCell cell)
        {
            if (ReferenceEquals(cell._parent, this))
            {
                StopChild(cell);
            }
            else
            {
                cell.SendSystem(new Terminate());
            }
        }
        else
        {
            throw new ArgumentException($"{actor.Path} is not an actor of system '{_system.Name}'.", nameof(actor));
        }
    }

    public override string ToString() => Path;

    internal ActorCell? ChildCell(string name) =>
        _children is not null && _children.TryGetValue(name, out var child) ? child : null;

    internal ActorCell CreateChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (_lifecycle >= Terminating)
        {
            throw new InvalidOperationException($"{Path} is stopping; it cannot create children.");
        }

        name ??= _system.NextAutoName();
        ValidateName(name);
        var children = _children ?? Interlocked.CompareExchange(ref _children, new ConcurrentDictionary<string, ActorCell>(StringComparer.Ordinal), null) ?? _children;
        var child = new ActorCell(_system, this, props, name);
        if (!children.TryAdd(name, child))
        {
            throw new InvalidActorNameException($"{Path} already has a child named '{name}' (a name stays taken until that child has fully stopped).");
        }

        _system.Metrics.OnActorCreated();
        child.SendSystem(new Create());
        return child;
    }

    internal void StopAllChildren()
    {
        if (_children is null)
        {
            return;
        }

        foreach (var child in _children.Values)
        {
            StopChild(child);
        }
    }

    private void StopChild(ActorCell child)
    {
        if ((_stoppingChildren ??= []).Add(child))
        {
            child.SendSystem(new Terminate());
        }
    }

    private ActorBase NewActor()
    {
        var previous = _constructing;
        _constructing = this;
        try
        {
            return _props.Factory(_system.Services);
        }
        finally
        {
            _constructing = previous;
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new InvalidActorNameException($"Actor name '{name}' is invalid: it must be non-empty, without '/' or whitespace.");
        }
    }
}
