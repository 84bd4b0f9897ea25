using System.Globalization;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Processes;
using CondorActors.TestKit;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>The bridge half as a real detached process (the condoractors-testprog stand-ins).</summary>
public sealed class ProcessBridgeHalfTests : IDisposable
{
    internal static readonly string TestProgram = Path.Combine(AppContext.BaseDirectory, "condoractors-testprog");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("condoractors-bridge-").FullName;
    private readonly List<(int Pid, ulong Ticks)> _started = [];

    public void Dispose()
    {
        // Whatever a failed test left running.
        foreach (var (pid, ticks) in _started.Where(p => DetachedProcess.IsSame(p.Pid, p.Ticks)))
        {
            ProcessTree.Signal(pid, ProcessTree.SigKill);
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Bridge_runs_detached_in_its_own_session_with_its_config_and_logs_in_the_glidein_folder_until_stopped()
    {
        var bridge = Bridge("bridge-half", "{glidein_id}", "{batch_job_id}", "{slots_per_node}");
        var request = Request("g1");

        var handle = await StartAsync(bridge, request);

        Assert.True(bridge.IsAlive("g1", handle));
        var pid = handle.Pid!.Value;
        var output = Path.Combine(request.Files.Log, "bridge.out");
        var config = Path.Combine(request.Files.Config, "bridge_config");
        await AwaitAssert.RunAsync(() => Assert.Contains($"started g1 4711 3 CONDOR_CONFIG={config}", Read(output), StringComparison.Ordinal), Timeout, TimeSpan.FromMilliseconds(20));

        // Its own session (session id = its pid), so nothing aimed at the controller's group or terminal reaches it,
        // its cwd is the log folder, and its stdout is the log file itself (no pipe that dies with the controller).
        Assert.Equal(pid, StatField(pid, 6));
        Assert.Equal(pid, StatField(pid, 5));
        Assert.Equal(request.Files.Log, new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget);
        Assert.Equal(output, new FileInfo($"/proc/{pid}/fd/1").LinkTarget);
        Assert.Equal("/dev/null", new FileInfo($"/proc/{pid}/fd/0").LinkTarget);
        Assert.Contains($"include : {request.Files.StartdConfig}", Read(config), StringComparison.Ordinal);
        Assert.Equal($"{pid} {handle.StartTicks}", Read(Path.Combine(request.Files.Log, "bridge.pid")).Trim());

        Assert.Equal(BridgeStopOutcome.Exited, await bridge.StopProcessAsync("g1", handle));

        Assert.False(bridge.IsAlive("g1", handle));
        Assert.False(ProcessTree.IsAlive(pid));
        Assert.EndsWith("stopping\n", Read(output), StringComparison.Ordinal);
        Assert.Equal(BridgeStopOutcome.NotRunning, await bridge.StopProcessAsync("g1", handle));
    }

    [Fact]
    public async Task Bridge_that_ignores_SIGTERM_is_killed_after_the_grace_period()
    {
        var bridge = new ProcessBridgeHalf(new ProcessBridgeOptions { Command = [TestProgram, "ignore-sigterm"], StopGracePeriod = TimeSpan.FromMilliseconds(300) }, FilesOf);
        var request = Request("g2");
        var handle = await StartAsync(bridge, request);
        await AwaitAssert.RunAsync(() => Assert.Contains("ready", Read(Path.Combine(request.Files.Log, "bridge.out")), StringComparison.Ordinal), Timeout, TimeSpan.FromMilliseconds(20));

        Assert.Equal(BridgeStopOutcome.Killed, await bridge.StopProcessAsync("g2", handle));

        Assert.False(bridge.IsAlive("g2", handle));
        Assert.False(ProcessTree.IsAlive(handle.Pid!.Value));
    }

    [Fact]
    public async Task New_instance_after_a_controller_restart_finds_the_same_process_from_the_handle_and_stops_it()
    {
        var request = Request("g3");
        var handle = await StartAsync(Bridge("bridge-half"), request);

        var afterRestart = Bridge("bridge-half");

        Assert.True(afterRestart.IsAlive("g3", handle));
        Assert.Equal(handle, await afterRestart.StartAsync(request));
        Assert.Equal(BridgeStopOutcome.Exited, await afterRestart.StopProcessAsync("g3", handle: null));
        Assert.False(afterRestart.IsAlive("g3", handle));
    }

    [Fact]
    public async Task A_pid_whose_start_time_differs_is_never_signalled()
    {
        var request = Request("g4");
        var other = await StartAsync(Bridge("bridge-half"), Request("someone-else"));
        var recycled = other with { StartTicks = other.StartTicks + 1 };
        var bridge = Bridge("bridge-half");

        Assert.False(bridge.IsAlive("g4", recycled));
        Assert.Equal(BridgeStopOutcome.NotRunning, await bridge.StopProcessAsync("g4", recycled));
        await bridge.SetWillingAsync("g4", willing: true);

        Assert.True(DetachedProcess.IsSame(other.Pid!.Value, other.StartTicks!.Value));
        Assert.DoesNotContain("reload", Read(Path.Combine(Request("someone-else").Files.Log, "bridge.out")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Willingness_rewrites_the_included_file_and_sends_SIGHUP_to_the_bridge()
    {
        var bridge = Bridge("bridge-half");
        var request = Request("g5");
        var handle = await StartAsync(bridge, request);
        var willing = Path.Combine(request.Files.Config, "willing.config");
        var output = Path.Combine(request.Files.Log, "bridge.out");
        await AwaitAssert.RunAsync(() => Assert.Contains("started", Read(output), StringComparison.Ordinal), Timeout, TimeSpan.FromMilliseconds(20));
        Assert.DoesNotContain(Read(willing).Split('\n'), line => line.StartsWith("START", StringComparison.Ordinal));

        await bridge.SetWillingAsync("g5", willing: true);

        Assert.Contains("START = True", Read(willing), StringComparison.Ordinal);
        Assert.Contains("GlideinState = \"Running\"", Read(willing), StringComparison.Ordinal);
        await AwaitAssert.RunAsync(() => Assert.Contains("reload", Read(output), StringComparison.Ordinal), Timeout, TimeSpan.FromMilliseconds(20));

        await bridge.SetWillingAsync("g5", willing: false);

        Assert.Contains("START = False", Read(willing), StringComparison.Ordinal);
        await AwaitAssert.RunAsync(() => Assert.Equal(2, Read(output).Split('\n').Count(l => l == "reload")), Timeout, TimeSpan.FromMilliseconds(20));
        Assert.True(bridge.IsAlive("g5", handle));
        await bridge.StopAsync("g5", handle);
    }

    [Fact]
    public async Task A_glidein_of_two_nodes_has_a_bridge_startd_per_node_and_is_alive_only_while_both_run()
    {
        var bridge = Bridge("bridge-half");
        var request = Request("g7") with { Spec = new GlideinSpec { Nodes = 2, SlotsPerNode = 3 } };

        var handle = await StartAsync(bridge, request);
        var second = Read(Path.Combine(request.Files.Log, "bridge.1.pid")).Split(' ', StringSplitOptions.TrimEntries);
        var (pid1, ticks1) = (int.Parse(second[0], CultureInfo.InvariantCulture), ulong.Parse(second[1], CultureInfo.InvariantCulture));
        _started.Add((pid1, ticks1));

        Assert.NotEqual(handle.Pid, pid1);
        Assert.True(DetachedProcess.IsSame(pid1, ticks1));
        // /proc/PID/environ reads empty while a just-spawned process is still being set up.
        await AwaitAssert.RunAsync(() => Assert.Contains("_CONDOR_GLIDEIN_NODE=0", Environ(handle.Pid!.Value)), Timeout, TimeSpan.FromMilliseconds(20));
        await AwaitAssert.RunAsync(() => Assert.Contains("_CONDOR_GLIDEIN_NODE=1", Environ(pid1)), Timeout, TimeSpan.FromMilliseconds(20));
        Assert.True(bridge.IsAlive("g7", handle));

        // Node 1's startd dies: the glidein's bridge half is no longer whole.
        ProcessTree.Signal(pid1, ProcessTree.SigKill);
        await AwaitAssert.RunAsync(() => Assert.False(bridge.IsAlive("g7", handle)), Timeout, TimeSpan.FromMilliseconds(20));

        Assert.Equal(BridgeStopOutcome.Exited, await bridge.StopProcessAsync("g7", handle));
        Assert.False(ProcessTree.IsAlive(handle.Pid!.Value));
    }

    [Fact]
    public async Task Bridge_that_cannot_start_fails_the_start()
    {
        var bridge = new ProcessBridgeHalf(new ProcessBridgeOptions { Command = ["/nonexistent/condor_startd", "-f"] }, FilesOf);

        await Assert.ThrowsAsync<ProcessStartException>(() => bridge.StartAsync(Request("g6")));
    }

    private static int StatField(int pid, int field)
    {
        // Fields after "(comm)": 3 = state, 4 = ppid, 5 = pgrp, 6 = session.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[field - 3], CultureInfo.InvariantCulture);
    }

    private static string[] Environ(int pid) => File.ReadAllText($"/proc/{pid}/environ").Split('\0');

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    private async Task<BridgeHandle> StartAsync(ProcessBridgeHalf bridge, BridgeStartRequest request)
    {
        File.WriteAllText(request.Files.StartdConfig, "# generated\n");
        var handle = await bridge.StartAsync(request);
        _started.Add((handle.Pid!.Value, handle.StartTicks!.Value));
        return handle;
    }

    private ProcessBridgeHalf Bridge(params string[] arguments) =>
        new(new ProcessBridgeOptions { Command = [TestProgram, .. arguments], StopGracePeriod = TimeSpan.FromSeconds(5) }, FilesOf);

    private GlideinFiles FilesOf(string id) => new(_dataDirectory, "site-a", id);

    private BridgeStartRequest Request(string id)
    {
        var files = FilesOf(id);
        files.Create();
        return new BridgeStartRequest(id, "site-a", "4711", new GlideinSpec { SlotsPerNode = 3 }, files);
    }
}
