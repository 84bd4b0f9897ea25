using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// The glidein keys of a site: request defaults and limits, the halves' commands, the pool the
/// startds join, and how dead glideins are cleaned up. The server turns them into the runtime
/// <c>GlideinSiteSettings</c> (Domain) in one place, <c>RuntimeOptions.GlideinSite</c>.
/// </summary>
public sealed partial class SiteSettings
{
    /// <summary>Accepted glidein modes.</summary>
    public static readonly IReadOnlyList<string> Modes = ["split", "pilot"];

    /// <summary>Accepted security methods of the glideins' startds.</summary>
    public static readonly IReadOnlyList<string> SecurityMethods = ["idtokens", "password"];

    /// <summary>Slots per node when a request does not say. Default 1.</summary>
    [ConfigurationKeyName("slots-per-node")]
    public int SlotsPerNode { get; set; } = 1;

    /// <summary>Most slots per node a request may ask for. Default 64.</summary>
    [ConfigurationKeyName("max-slots-per-node")]
    public int MaxSlotsPerNode { get; set; } = 64;

    /// <summary>Longest walltime a request may ask for. Default 48h.</summary>
    [ConfigurationKeyName("max-walltime")]
    public TimeSpan MaxWalltime { get; set; } = TimeSpan.FromHours(48);

    /// <summary><c>split</c> (startd on the bridge node, HPC half in the batch job) or <c>pilot</c>, when a request does not say. Default split.</summary>
    [ConfigurationKeyName("mode")]
    public string Mode { get; set; } = "split";

    /// <summary>Deadline of a drain (<c>DELETE /v1/glideins/{id}</c>) when the request gives none. Default 10m.</summary>
    [ConfigurationKeyName("drain-deadline")]
    public TimeSpan DrainDeadline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a dead glidein's folder is kept before it is archived or deleted. Default 1d.</summary>
    [ConfigurationKeyName("retention")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Folder dead glideins' folders are moved to after retention; empty (default) deletes them.</summary>
    [ConfigurationKeyName("archive-dir")]
    public string ArchiveDir { get; set; } = "";

    /// <summary>First retry delay of a failed cleanup step (doubling up to cleanup-retry-max). Default 5s.</summary>
    [ConfigurationKeyName("cleanup-retry-initial")]
    public TimeSpan CleanupRetryInitial { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest retry delay of a failed cleanup step. Default 5m.</summary>
    [ConfigurationKeyName("cleanup-retry-max")]
    public TimeSpan CleanupRetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Limit of one external step of a glidein (submit, cancel, condor command). Default 2m.</summary>
    [ConfigurationKeyName("step-timeout")]
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most external commands (submit, cancel, condor_advertise, condor_vacate_job and their
    /// confirming queries) the site's glideins run at once; the others wait. Default 8.
    /// </summary>
    [ConfigurationKeyName("max-concurrent-commands")]
    public int MaxConcurrentCommands { get; set; } = 8;

    /// <summary>Attempts of a submit the batch system did not answer before the glidein is SubmitFailed. Default 5.</summary>
    [ConfigurationKeyName("submit-attempts")]
    public int SubmitAttempts { get; set; } = 5;

    /// <summary>
    /// argv of the HPC half inside the batch job, with placeholders <c>{batch_dir}</c>,
    /// <c>{glidein_id}</c>, <c>{site}</c>, <c>{walltime_seconds}</c>, <c>{config}</c>. Empty
    /// (default): this executable's <c>hpc-half --batch-dir {batch_dir} --walltime {walltime_seconds}</c>.
    /// </summary>
    [ConfigurationKeyName("hpc-half-command")]
    [Argv]
    public List<string> HpcHalfCommand { get; set; } = [];

    /// <summary>Launcher of one HPC half per node of a multi-node job (e.g. <c>[srun, --ntasks-per-node=1]</c>); empty (default) runs one.</summary>
    [ConfigurationKeyName("node-launcher")]
    [Argv]
    public List<string> NodeLauncher { get; set; } = [];

    /// <summary>The collector the glideins' startds report to (<c>COLLECTOR_HOST</c>); empty (default): <c>condor.pool</c>, else 127.0.0.1:9618.</summary>
    [ConfigurationKeyName("collector-host")]
    public string CollectorHost { get; set; } = "";

    /// <summary>How the startds authenticate to the collector: <c>idtokens</c> (default) or <c>password</c> (pool password).</summary>
    [ConfigurationKeyName("security")]
    public string Security { get; set; } = "idtokens";

    /// <summary>Host the bridge startds run on (their names end in <c>@host</c>); empty (default): this machine's name.</summary>
    [ConfigurationKeyName("bridge-host")]
    public string BridgeHost { get; set; } = "";

    /// <summary>
    /// CLI backend: argv of a split glidein's bridge startd, with placeholders <c>{config}</c>,
    /// <c>{glidein_id}</c>, <c>{site}</c>, <c>{log_dir}</c>; it runs with <c>CONDOR_CONFIG</c> set to the
    /// glidein's generated configuration. Empty (default): <c>[condor_startd, -f]</c>.
    /// </summary>
    [ConfigurationKeyName("bridge-command")]
    [Argv]
    public List<string> BridgeCommand { get; set; } = [];
}
