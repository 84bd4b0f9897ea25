using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>The simulated pool's shape (<c>condoractors.condor.simulated</c>).</summary>
public sealed class SimulatedPoolSettings
{
    /// <summary>Jobs put in the queue at start (benchmarks, load tests). Default 0.</summary>
    [ConfigurationKeyName("seed-jobs")]
    public int SeedJobs { get; set; }

    /// <summary>Static slots advertised at start. Default 4.</summary>
    [ConfigurationKeyName("slots")]
    public int Slots { get; set; } = 4;

    /// <summary>
    /// How often the simulated negotiator matches idle jobs to willing free slots (a negotiation
    /// cycle); zero (the default) runs none, so jobs stay Idle until something claims a slot.
    /// </summary>
    [ConfigurationKeyName("negotiation-interval")]
    public TimeSpan NegotiationInterval { get; set; }
}
