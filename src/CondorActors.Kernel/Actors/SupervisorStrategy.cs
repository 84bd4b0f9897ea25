namespace CondorActors.Kernel.Actors;

/// <summary>
/// One-for-one supervision: the decider maps a child's exception to a directive; restarts are
/// limited to <see cref="MaxRestarts"/> within <see cref="Window"/> (then
/// <see cref="WhenLimitExceeded"/>), and each restart waits an exponential backoff with jitter:
/// <c>min(MaxBackoff, MinBackoff * 2^(n-1)) * (1 + RandomFactor * jitter)</c> for the n-th
/// restart in the window, jitter in [0, 1) from <see cref="ActorSystemOptions.JitterSource"/>.
/// </summary>
public sealed record SupervisorStrategy
{
    /// <summary>
    /// Stops actors that fail to start (<see cref="ActorInitializationException"/>), restarts on
    /// anything else: 10 restarts a minute, backoff 100 ms doubling to 30 s, 20 % jitter.
    /// </summary>
    public static SupervisorStrategy Default { get; } = new(DefaultDecider);

    /// <summary>Always stops the failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new(_ => Directive.Stop);

    public SupervisorStrategy(Func<Exception, Directive> decider)
    {
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
    }

    public Func<Exception, Directive> Decider { get; init; }

    public int MaxRestarts { get; init; } = 10;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public double RandomFactor { get; init; } = 0.2;

    /// <summary><see cref="Directive.Stop"/> or <see cref="Directive.Escalate"/>.</summary>
    public Directive WhenLimitExceeded { get; init; } = Directive.Stop;

    public static Directive DefaultDecider(Exception exception) =>
        exception is ActorInitializationException ? Directive.Stop : Directive.Restart;

    public SupervisorStrategy WithRestartLimit(int maxRestarts, TimeSpan window, Directive whenExceeded = Directive.Stop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRestarts);
        if (whenExceeded is not (Directive.Stop or Directive.Escalate))
        {
            throw new ArgumentOutOfRangeException(nameof(whenExceeded), whenExceeded, "Only Stop or Escalate may follow an exceeded restart limit.");
        }

        return this with { MaxRestarts = maxRestarts, Window = window, WhenLimitExceeded = whenExceeded };
    }

    public SupervisorStrategy WithBackoff(TimeSpan min, TimeSpan max, double randomFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        if (min < TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), "Backoff needs 0 <= min <= max.");
        }

        return this with { MinBackoff = min, MaxBackoff = max, RandomFactor = randomFactor };
    }

    /// <summary>Backoff before the <paramref name="restartNumber"/>-th restart (1-based) in the window.</summary>
    public TimeSpan ComputeBackoff(int restartNumber, double jitter)
    {
        if (MinBackoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(Math.Max(restartNumber - 1, 0), 30);
        var baseTicks = Math.Min((double)MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(baseTicks * (1 + (RandomFactor * Math.Clamp(jitter, 0, 1)))));
    }
}
