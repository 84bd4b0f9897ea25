namespace CondorActors.Domain.Batch.Local;

/// <summary>The local "batch system": scripts run as processes of this machine (development, tests, the embedded default).</summary>
public sealed record LocalSiteOptions
{
    public required BatchJobTag Tag { get; init; }

    /// <summary>
    /// Folder with one sub-folder per job (script, pid, exit code, output). A new adapter on the
    /// same folder finds every job again. Required.
    /// </summary>
    public required string StateDirectory { get; init; }

    /// <summary>Jobs running at once; the others stay Pending. Default: the number of processors.</summary>
    public int MaxRunning { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Start each job in its own session and process group (<c>setsid</c>), so signals aimed at the
    /// controller's group do not reach the jobs. Default true; ignored when setsid is missing.
    /// </summary>
    public bool NewSession { get; init; } = true;

    /// <summary>How long a cancelled or timed-out job gets between SIGTERM and SIGKILL. Default 5 s.</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(5);
}
