using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>One site (<c>condoractors.sites.&lt;name&gt;</c>); the batch adapter's options are created from it by <c>BatchSystemFactory</c>.</summary>
public sealed partial class SiteSettings
{
    /// <summary>Accepted batch systems.</summary>
    public static readonly IReadOnlyList<string> BatchSystems = ["slurm", "pbs", "cobalt", "sfapi", "local"];

    /// <summary><c>slurm</c>, <c>pbs</c>, <c>cobalt</c>, <c>sfapi</c> (NERSC Superfacility API) or <c>local</c>. Required.</summary>
    [ConfigurationKeyName("batch-system")]
    public string BatchSystem { get; set; } = "";

    /// <summary>Whether the site takes new glideins. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Most glideins (pending + live) at once. Default 10.</summary>
    [ConfigurationKeyName("max-glideins")]
    public int MaxGlideins { get; set; } = 10;

    /// <summary>Nodes per batch job when a request does not say. Default 1.</summary>
    [ConfigurationKeyName("nodes-per-job")]
    public int NodesPerJob { get; set; } = 1;

    /// <summary>Most nodes one batch job may ask for. Default 1.</summary>
    [ConfigurationKeyName("max-nodes-per-job")]
    public int MaxNodesPerJob { get; set; } = 1;

    /// <summary>Walltime requested for a batch job. Default 1h.</summary>
    [ConfigurationKeyName("walltime")]
    public TimeSpan Walltime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the site polls its batch system and the collector. Default 5s.</summary>
    [ConfigurationKeyName("poll-interval")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running glidein whose startd is not seen for this long is dead. Default 2m.</summary>
    [ConfigurationKeyName("heartbeat-timeout")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Marks every batch job of this controller on the site (job-name prefix, Slurm comment): a
    /// letter, then letters, digits, '_' or '.' (at most 24). Empty (default): the site name with
    /// '-' replaced by '_'. Changing it orphans the jobs submitted under the old tag.
    /// </summary>
    [ConfigurationKeyName("tag")]
    public string Tag { get; set; } = "";

    /// <summary>Slurm/sfapi partition (<c>--partition</c>); empty means the cluster default.</summary>
    [ConfigurationKeyName("partition")]
    public string Partition { get; set; } = "";

    /// <summary>PBS/Cobalt queue (<c>-q</c>); empty means the default queue.</summary>
    [ConfigurationKeyName("queue")]
    public string Queue { get; set; } = "";

    /// <summary>Account/project charged (<c>--account</c> / <c>-A</c>); required for cobalt and sfapi.</summary>
    [ConfigurationKeyName("account")]
    public string Account { get; set; } = "";

    /// <summary>Slurm/sfapi QOS (<c>--qos</c>); empty means none.</summary>
    [ConfigurationKeyName("qos")]
    public string Qos { get; set; } = "";

    /// <summary>Slurm/sfapi node constraint (<c>--constraint</c>, e.g. <c>cpu</c> on Perlmutter); empty means none.</summary>
    [ConfigurationKeyName("constraint")]
    public string Constraint { get; set; } = "";

    /// <summary>Whose jobs the status query lists (slurm, cobalt, sfapi); empty (default) means the user the controller runs as.</summary>
    [ConfigurationKeyName("user")]
    public string User { get; set; } = "";

    /// <summary>Slurm/sfapi <c>--export</c> of submitted jobs. Default <c>NONE</c>: the controller's environment does not leak into jobs.</summary>
    [ConfigurationKeyName("export")]
    public string Export { get; set; } = "NONE";

    /// <summary>Option names requests may pass as extra directives (e.g. <c>--gres</c>, <c>-l</c>). Default none.</summary>
    [ConfigurationKeyName("allowed-extra-directives")]
    public List<string> AllowedExtraDirectives { get; set; } = [];

    /// <summary>Directory holding the batch commands (sbatch, squeue, qsub...); empty (default) means search PATH.</summary>
    [ConfigurationKeyName("binaries")]
    public string Binaries { get; set; } = "";

    /// <summary>Environment of every batch command (e.g. <c>SLURM_CONF</c>). Default none.</summary>
    [ConfigurationKeyName("environment")]
    public Dictionary<string, string> Environment { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A batch command running longer is killed and the batch system counts as unavailable. Default 60s.</summary>
    [ConfigurationKeyName("command-timeout")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Slurm job-completion file (jobcomp/filetxt); empty (default) takes it from <c>scontrol show config</c>.</summary>
    [ConfigurationKeyName("job-completion-log")]
    public string JobCompletionLog { get; set; } = "";

    /// <summary>Cobalt: folder for submitted scripts and the jobs' working directory. Empty (default): <c>{data-dir}/batch/&lt;site&gt;</c>.</summary>
    [ConfigurationKeyName("job-directory")]
    public string JobDirectory { get; set; } = "";

    /// <summary>Local: jobs running at once (the others stay pending); 0 (default) means the number of processors.</summary>
    [ConfigurationKeyName("max-running")]
    public int MaxRunning { get; set; }

    /// <summary>Local: start each job in its own session (<c>setsid</c>). Default true.</summary>
    [ConfigurationKeyName("new-session")]
    public bool NewSession { get; set; } = true;

    /// <summary>Local: time between SIGTERM and SIGKILL of a cancelled job. Default 5s.</summary>
    [ConfigurationKeyName("kill-grace-period")]
    public TimeSpan KillGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Superfacility API settings (batch-system = sfapi).</summary>
    [ConfigurationKeyName("sfapi")]
    public SfapiSettings Sfapi { get; set; } = new();

    /// <summary>The tag in effect for site <paramref name="siteName"/>: <see cref="Tag"/>, else the name with '-' as '_'.</summary>
    public string EffectiveTag(string siteName) =>
        string.IsNullOrWhiteSpace(Tag) ? siteName.Replace('-', '_') : Tag.Trim();
}
