using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>One site's glidein settings (bound from <c>condoractors.sites.&lt;name&gt;</c> by the host).</summary>
public sealed record GlideinSiteSettings
{
    public required string Name { get; init; }

    /// <summary>Base folder; glideins live in <c>{data-dir}/glideins/{site}/{id}</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>False: the site takes no new glideins (those it has are still followed and cleaned up). Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>What a request gets for the parameters it does not give (nodes, slots per node, walltime, mode).</summary>
    public GlideinSpec Defaults { get; init; } = new();

    /// <summary>Deadline of a drain when the request gives none. Default 10 min.</summary>
    public TimeSpan DrainDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>One batch status command and one collector query per interval. Default 5 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A heartbeat older than this while the batch job runs means the HPC half is gone; null disables. Default 2 min.</summary>
    public TimeSpan? HeartbeatTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most live glideins (not dead) at once. Default 10.</summary>
    public int MaxGlideins { get; init; } = 10;

    /// <summary>Most nodes one batch job may ask for. Default 1.</summary>
    public int MaxNodesPerJob { get; init; } = 1;

    /// <summary>Most slots per node. Default 64.</summary>
    public int MaxSlotsPerNode { get; init; } = 64;

    /// <summary>Longest walltime a request may ask for. Default 48 h.</summary>
    public TimeSpan MaxWalltime { get; init; } = TimeSpan.FromHours(48);

    /// <summary>How long a dead glidein's folder is kept before it is archived or deleted. Default 1 day.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Folder dead glideins' directories are moved to; null deletes them.</summary>
    public string? ArchiveDirectory { get; init; }

    /// <summary>First retry delay of a failed cleanup step; doubles up to <see cref="CleanupRetryMax"/>. Default 5 s.</summary>
    public TimeSpan CleanupRetryInitial { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan CleanupRetryMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Limit of one external step (submit, cancel, condor command). Default 2 min.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most external commands (submit, cancel, condor_advertise, condor_vacate_job and their
    /// confirming queries) the site's glideins run at once; the others wait for a slot. Default 8.
    /// </summary>
    public int MaxConcurrentCommands { get; init; } = 8;

    /// <summary>Attempts of a submit the batch system did not answer before the glidein counts as SubmitFailed. Default 5.</summary>
    public int SubmitAttempts { get; init; } = 5;

    /// <summary>
    /// The HPC half's command inside the batch job, argv with placeholders <c>{batch_dir}</c>,
    /// <c>{glidein_id}</c>, <c>{site}</c>, <c>{walltime_seconds}</c>, <c>{config}</c>.
    /// </summary>
    public ImmutableArray<string> HpcHalfCommand { get; init; } =
        ["condoractors", "hpc-half", "--batch-dir", "{batch_dir}", "--walltime", "{walltime_seconds}"];

    /// <summary>Launcher of the per-node HPC halves in a multi-node job (e.g. <c>srun</c>); empty runs one.</summary>
    public ImmutableArray<string> NodeLauncher { get; init; } = [];

    /// <summary>The pool's collector the startds report to (<c>COLLECTOR_HOST</c>).</summary>
    public string CollectorHost { get; init; } = "127.0.0.1:9618";

    public GlideinSecurity Security { get; init; } = GlideinSecurity.IdTokens;

    /// <summary>The host the bridge startds run on (their names end in <c>@host</c>).</summary>
    public string BridgeHost { get; init; } = Environment.MachineName;

    /// <summary>
    /// CLI backend: argv of a split glidein's bridge startd, placeholders <c>{config}</c>,
    /// <c>{glidein_id}</c>, <c>{site}</c>, <c>{log_dir}</c>; run with <c>CONDOR_CONFIG</c> = the generated configuration.
    /// </summary>
    public ImmutableArray<string> BridgeCommand { get; init; } = ["condor_startd", "-f"];
}
