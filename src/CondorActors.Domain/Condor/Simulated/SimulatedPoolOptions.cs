namespace CondorActors.Domain.Condor.Simulated;

/// <summary>The shape of a new <see cref="SimulatedCondorPool"/>.</summary>
public sealed record SimulatedPoolOptions
{
    /// <summary>Host of every simulated daemon; the schedd, collector, master and negotiator are named after it. Default <c>vm</c>, as in the recordings.</summary>
    public string HostName { get; init; } = "vm";

    /// <summary>The collector's address (<c>COLLECTOR_HOST</c>); a query naming another pool finds nothing there (unreachable).</summary>
    public string CollectorHost { get; init; } = "127.0.0.1:9618";

    /// <summary>Static slots advertised at start (<c>slot1@HOST</c> ...). Default 4, as in the recordings.</summary>
    public int Slots { get; init; } = 4;

    /// <summary>Jobs put in the queue at start (for benchmarks and load tests). Default 0.</summary>
    public int SeedJobs { get; init; }

    /// <summary>Procs per cluster when seeding. Default 100.</summary>
    public int SeedJobsPerCluster { get; init; } = 100;

    /// <summary>Owner of seeded jobs. Default <c>testuser</c>.</summary>
    public string SeedOwner { get; init; } = "testuser";

    /// <summary>The <c>UID_DOMAIN</c>, used in <c>User</c> attributes. Default <c>localdomain</c>.</summary>
    public string Domain { get; init; } = "localdomain";

    /// <summary>Start with no ads, jobs or configuration at all (tests that import recordings).</summary>
    public bool Empty { get; init; }
}
