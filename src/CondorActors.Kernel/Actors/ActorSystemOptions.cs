namespace CondorActors.Kernel.Actors;

/// <summary>Options of an actor system.</summary>
public sealed class ActorSystemOptions
{
    /// <summary>How long shutdown waits for mailboxes to empty before stopping actors. Default 10 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long shutdown waits for actors to stop, and for each shutdown task. Default 10 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Strategy of the /user guardian for top-level actors.</summary>
    public SupervisorStrategy GuardianStrategy { get; set; } = SupervisorStrategy.Default;

    /// <summary>Jitter in [0, 1) for restart backoff; tests replace it to make backoff exact.</summary>
    public Func<double> JitterSource { get; set; } = Random.Shared.NextDouble;

    /// <summary>Name of this node, recorded by persistent actors as the writer of events.</summary>
    public string NodeName { get; set; } = Environment.MachineName;
}
