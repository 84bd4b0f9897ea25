using System.Globalization;
using CondorActors.Kernel.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The bridge half as a local process tree (a <c>condor_startd</c> from the site's command
/// template, or a stand-in): started detached (own session and process group, logs in the
/// glidein's <c>log</c> folder, no pipe to the controller) so it keeps serving while the
/// controller restarts. Its handle is pid + start time, kept in the journal and in
/// <c>log/bridge.pid</c>: a new instance after a restart finds the same process, and a pid
/// reused by another process is never signalled. A glidein of N nodes has N bridge startds (one
/// per node of its batch job, <c>_CONDOR_GLIDEIN_NODE</c> = 0..N-1); the handle is node 0's,
/// the others are found from their pid files.
/// </summary>
/// <remarks>
/// Willingness without <c>condor_reconfig</c>: <c>CONDOR_CONFIG</c> is <c>config/bridge_config</c>,
/// which includes the generated configuration and then <c>config/willing.config</c>; the
/// controller rewrites the latter (START, GlideinState, GlideinNotStartingReason) and sends
/// SIGHUP to the startd, which re-reads its configuration on it (DaemonCore's reconfig signal).
/// A startd started without a master cannot be stopped with <c>condor_off</c>
/// (fixtures/condor/README.md), so stopping is by signals: SIGTERM to the process group (a
/// graceful startd shutdown removes its ads), SIGKILL after the grace period.
/// </remarks>
public sealed partial class ProcessBridgeHalf : IBridgeHalf
{
    private readonly ProcessBridgeOptions _options;
    private readonly Func<string, GlideinFiles> _filesOf;
    private readonly ILogger _logger;

    public ProcessBridgeHalf(ProcessBridgeOptions options, Func<string, GlideinFiles> filesOf, ILogger<ProcessBridgeHalf>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(filesOf);
        if (options.Command.IsDefaultOrEmpty)
        {
            throw new ArgumentException("The bridge half's command is empty.", nameof(options));
        }

        _options = options;
        _filesOf = filesOf;
        _logger = logger ?? NullLogger<ProcessBridgeHalf>.Instance;
    }

    /// <summary>A bridge for one site: its glideins' folders come from the site's settings.</summary>
    public ProcessBridgeHalf(ProcessBridgeOptions options, GlideinSiteSettings site, ILogger<ProcessBridgeHalf>? logger = null)
        : this(options, id => new GlideinFiles(site.DataDirectory, site.Name, id), logger)
    {
    }

    public Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = new BridgeProcessFiles(request.Files);
        request.Files.Create();

        // Started before a crash that lost the BridgeHalfStarted event: the same process, not a second one.
        if (ReadPidFile(files.Pid) is { } running && DetachedProcess.IsSame(running.Pid, running.StartTicks))
        {
            StartOtherNodes(request, files);
            return Task.FromResult(new BridgeHandle(running.Pid, running.StartTicks));
        }

        WriteAtomically(files.Willing, "# Willingness, rewritten by the controller (then SIGHUP): empty while the generated START = False holds.\n");
        WriteAtomically(files.Config, string.Join('\n', [
            $"# CONDOR_CONFIG of the bridge half of glidein {request.GlideinId}: the generated configuration,",
            "# then the willingness the controller switches (read last, so it wins).",
            $"include : {request.Files.StartdConfig}",
            $"include : {files.Willing}",
            string.Empty]));

        var (pid, startTicks) = StartNode(request, files, 0);
        StartOtherNodes(request, files);
        return Task.FromResult(new BridgeHandle(pid, startTicks));
    }

    private void StartOtherNodes(BridgeStartRequest request, BridgeProcessFiles files)
    {
        for (var node = 1; node < request.Spec.Nodes; node++)
        {
            if (ReadPidFile(files.PidOf(node)) is not { } running || !DetachedProcess.IsSame(running.Pid, running.StartTicks))
            {
                StartNode(request, files, node);
            }
        }
    }

    private (int Pid, ulong StartTicks) StartNode(BridgeStartRequest request, BridgeProcessFiles files, int node)
    {
        var values = Placeholders(request, files);
        var command = _options.Command.Select(arg => Expand(arg, values)).ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in _options.PassedEnvironment)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        environment["CONDOR_CONFIG"] = files.Config;
        environment["_CONDOR_GLIDEIN_NODE"] = node.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in _options.Environment)
        {
            environment[name] = Expand(value, values);
        }

        var (pid, startTicks) = DetachedProcess.Start(new DetachedProcessStart(
            command[0], command[1..], environment, request.Files.Log, files.StandardOutputOf(node), files.StandardErrorOf(node)));
        if (startTicks == 0 || !DetachedProcess.IsSame(pid, startTicks))
        {
            DetachedProcess.TryReap(pid, startTicks);
            throw new InvalidOperationException($"Bridge half of glidein {request.GlideinId} (node {node}) exited at once; see {files.StandardErrorOf(node)}.");
        }

        WriteAtomically(files.PidOf(node), string.Create(CultureInfo.InvariantCulture, $"{pid} {startTicks}\n"));
        LogStarted(_logger, request.GlideinId, pid, string.Join(' ', command));
        return (pid, startTicks);
    }

    public async Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default)
    {
        var files = new BridgeProcessFiles(_filesOf(glideinId));
        WriteAtomically(files.Willing, willing
            ? "START = True\nGlideinState = \"Running\"\nGlideinNotStartingReason = \"\"\n"
            : "START = False\nGlideinState = \"Draining\"\nGlideinNotStartingReason = \"glidein is draining\"\n");
        if (_options.ReloadSignal is not { } signal)
        {
            return;
        }

        foreach (var running in NodeProcesses(files))
        {
            await SignalWhenCaughtAsync(glideinId, running, signal, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SignalWhenCaughtAsync(string glideinId, (int Pid, ulong StartTicks) running, int signal, CancellationToken cancellationToken)
    {
        // A SIGHUP before the program installed its handler would kill it (default action), so
        // wait until it catches the signal: the batch job often starts right after the bridge.
        var deadline = DateTime.UtcNow + _options.ReloadHandlerWait;
        while (DetachedProcess.IsSame(running.Pid, running.StartTicks) && !DetachedProcess.Catches(running.Pid, signal))
        {
            if (DateTime.UtcNow >= deadline)
            {
                LogNoReloadHandler(_logger, glideinId, running.Pid, signal);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        if (DetachedProcess.IsSame(running.Pid, running.StartTicks))
        {
            // The startd only, not its group: starters and jobs must not see a SIGHUP.
            DetachedProcess.Signal(running.Pid, signal);
        }
    }

    public bool IsAlive(string glideinId, BridgeHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (handle is not { Pid: { } pid, StartTicks: { } startTicks })
        {
            return false;
        }

        if (!DetachedProcess.IsSame(pid, startTicks))
        {
            DetachedProcess.TryReap(pid, startTicks);
            return false;
        }

        // Every node's startd must live: one that died leaves its node's slots unserved.
        foreach (var file in OtherNodePidFiles(new BridgeProcessFiles(_filesOf(glideinId))))
        {
            var other = ReadPidFile(file);
            if (other is not { } node || !DetachedProcess.IsSame(node.Pid, node.StartTicks))
            {
                if (other is { } ended)
                {
                    DetachedProcess.TryReap(ended.Pid, ended.StartTicks);
                }

                return false;
            }
        }

        return true;
    }

    public async Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default) =>
        await StopProcessAsync(glideinId, handle, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Stops the process tree and says how it ended: <see cref="BridgeStopOutcome.Exited"/> when it
    /// left on SIGTERM within the grace period (a startd then has removed its ads), <see
    /// cref="BridgeStopOutcome.Killed"/> when SIGKILL was needed (its ads stay behind).
    /// </summary>
    public async Task<BridgeStopOutcome> StopProcessAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default)
    {
        var files = new BridgeProcessFiles(_filesOf(glideinId));
        var first = handle is { Pid: { } p, StartTicks: { } t } ? (p, t) : ReadPidFile(files.Pid) ?? (0, 0UL);
        var outcome = await StopNodeAsync(glideinId, first.Item1, first.Item2, cancellationToken).ConfigureAwait(false);
        foreach (var file in OtherNodePidFiles(files))
        {
            var other = ReadPidFile(file) ?? (0, 0UL);
            var stopped = await StopNodeAsync(glideinId, other.Pid, other.StartTicks, cancellationToken).ConfigureAwait(false);
            outcome = (BridgeStopOutcome)Math.Max((int)outcome, (int)stopped);
        }

        return outcome;
    }

    private async Task<BridgeStopOutcome> StopNodeAsync(string glideinId, int pid, ulong startTicks, CancellationToken cancellationToken)
    {
        if (pid == 0 || !DetachedProcess.IsSame(pid, startTicks))
        {
            // Gone already, or the pid now belongs to someone else: nothing of ours to stop.
            DetachedProcess.TryReap(pid, startTicks);
            return BridgeStopOutcome.NotRunning;
        }

        // Remember the tree with start times: members re-parented when the startd exits are still ours.
        var tree = ProcessTree.Enumerate(pid).Select(member => (Pid: member, StartTicks: DetachedProcess.StartTicks(member))).ToList();
        DetachedProcess.SignalGroup(pid, ProcessTree.SigTerm);
        var exited = await WaitForExitAsync(pid, startTicks, _options.StopGracePeriod, cancellationToken).ConfigureAwait(false);
        if (!exited)
        {
            DetachedProcess.SignalGroup(pid, ProcessTree.SigKill);
        }

        foreach (var member in tree.Where(m => m.StartTicks is { } ticks && DetachedProcess.IsSame(m.Pid, ticks)))
        {
            ProcessTree.Signal(member.Pid, ProcessTree.SigKill);
        }

        await WaitForExitAsync(pid, startTicks, TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        DetachedProcess.TryReap(pid, startTicks);
        LogStopped(_logger, glideinId, pid, exited ? "exited on SIGTERM" : "killed after the grace period");
        return exited ? BridgeStopOutcome.Exited : BridgeStopOutcome.Killed;
    }

    private static async Task<bool> WaitForExitAsync(int pid, ulong startTicks, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DetachedProcess.IsSame(pid, startTicks))
        {
            if (DateTime.UtcNow >= deadline || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The running bridge processes of every node, node 0 first.</summary>
    private static List<(int Pid, ulong StartTicks)> NodeProcesses(BridgeProcessFiles files) =>
        [.. new[] { files.Pid }.Concat(OtherNodePidFiles(files)).Select(ReadPidFile).OfType<(int Pid, ulong StartTicks)>()];

    /// <summary>Pid files of nodes 1..N-1 (none for a one-node glidein).</summary>
    private static IEnumerable<string> OtherNodePidFiles(BridgeProcessFiles files)
    {
        for (var node = 1; File.Exists(files.PidOf(node)); node++)
        {
            yield return files.PidOf(node);
        }
    }

    private static (int Pid, ulong StartTicks)? ReadPidFile(string path)
    {
        try
        {
            var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    ? (pid, ticks)
                    : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static Dictionary<string, string> Placeholders(BridgeStartRequest request, BridgeProcessFiles files) => new(StringComparer.Ordinal)
    {
        ["{config}"] = files.Config,
        ["{startd_config}"] = request.Files.StartdConfig,
        ["{glidein_id}"] = request.GlideinId,
        ["{site}"] = request.Site,
        ["{glidein_dir}"] = request.Files.Root,
        ["{log_dir}"] = request.Files.Log,
        ["{execute_dir}"] = request.Files.Execute,
        ["{batch_dir}"] = request.Files.Batch,
        ["{batch_job_id}"] = request.BatchJobId ?? string.Empty,
        ["{nodes}"] = request.Spec.Nodes.ToString(CultureInfo.InvariantCulture),
        ["{slots_per_node}"] = request.Spec.SlotsPerNode.ToString(CultureInfo.InvariantCulture),
    };

    private static string Expand(string text, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace(name, value, StringComparison.Ordinal);
        }

        return text;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Glidein {GlideinId}: bridge half started as pid {Pid}: {CommandLine}")]
    private static partial void LogStarted(ILogger logger, string glideinId, int pid, string commandLine);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Glidein {GlideinId}: bridge half pid {Pid} does not catch signal {Signal}; willingness written but not signalled")]
    private static partial void LogNoReloadHandler(ILogger logger, string glideinId, int pid, int signal);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Glidein {GlideinId}: bridge half pid {Pid} stopped ({How})")]
    private static partial void LogStopped(ILogger logger, string glideinId, int pid, string how);
}

/// <summary>How <see cref="ProcessBridgeHalf.StopProcessAsync"/> ended the bridge process.</summary>
/// <remarks>Ordered from mildest to worst: the outcome of several nodes is the worst of theirs.</remarks>
public enum BridgeStopOutcome
{
    /// <summary>Nothing of ours ran (already gone, or the pid belongs to another process now).</summary>
    NotRunning,

    /// <summary>It left on SIGTERM within the grace period (graceful: a startd removed its ads).</summary>
    Exited,

    /// <summary>It needed SIGKILL (a startd leaves its ads behind).</summary>
    Killed,
}
