using System.Collections.Immutable;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// How a site starts its bridge halves as local processes (<see cref="ProcessBridgeHalf"/>).
/// Argument and environment values may use the placeholders <c>{config}</c> (the file
/// <c>CONDOR_CONFIG</c> points to), <c>{startd_config}</c> (the generated startd configuration),
/// <c>{glidein_id}</c>, <c>{site}</c>, <c>{glidein_dir}</c>, <c>{log_dir}</c>,
/// <c>{execute_dir}</c>, <c>{batch_dir}</c>, <c>{batch_job_id}</c>, <c>{nodes}</c> and
/// <c>{slots_per_node}</c>. Never run through a shell.
/// </summary>
public sealed record ProcessBridgeOptions
{
    /// <summary>Variables taken from the controller's environment; nothing else of it is passed (it may hold credentials).</summary>
    public static readonly ImmutableArray<string> DefaultPassedEnvironment = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "TMPDIR", "DOTNET_ROOT"];

    /// <summary>The bridge half's argv. Default: <c>condor_startd -f</c> (foreground, so its pid is the startd's).</summary>
    public ImmutableArray<string> Command { get; init; } = ["condor_startd", "-f"];

    /// <summary>Extra variables for the bridge half (e.g. <c>_CONDOR_STARTD_DEBUG</c>), on top of <c>CONDOR_CONFIG</c>.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<string> PassedEnvironment { get; init; } = DefaultPassedEnvironment;

    /// <summary>How long a stop waits after SIGTERM before SIGKILL. Default 30 s (a startd vacates its jobs first).</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Signal that makes the bridge half re-read its configuration after a change of willingness;
    /// null sends none. Default SIGHUP (a condor_startd reconfigures on it, like condor_reconfig).
    /// </summary>
    public int? ReloadSignal { get; init; } = Kernel.Processes.DetachedProcess.SigHup;

    /// <summary>How long a change of willingness waits for a starting bridge half to catch <see cref="ReloadSignal"/>. Default 30 s.</summary>
    public TimeSpan ReloadHandlerWait { get; init; } = TimeSpan.FromSeconds(30);
}
