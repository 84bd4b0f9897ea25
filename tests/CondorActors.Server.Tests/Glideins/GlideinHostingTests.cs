using System.Net;
using CondorActors.Domain.Glideins;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Server.Commands;
using CondorActors.Server.Hosting;

namespace CondorActors.Server.Tests.Glideins;

/// <summary>Site settings become glidein runtime settings in one place; the embedded default brings the local site.</summary>
public sealed class GlideinHostingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("glidein-hosting-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_site_key_reaches_the_runtime_settings()
    {
        var settings = new CondorActorsSettingsSet();
        settings.Root.DataDir = _dir;
        var site = new SiteSettings
        {
            BatchSystem = "slurm", Enabled = false, MaxGlideins = 7, NodesPerJob = 2, MaxNodesPerJob = 4, SlotsPerNode = 3, MaxSlotsPerNode = 9,
            Walltime = TimeSpan.FromHours(2), MaxWalltime = TimeSpan.FromHours(6), Mode = "pilot", DrainDeadline = TimeSpan.FromMinutes(3),
            PollInterval = TimeSpan.FromSeconds(7), HeartbeatTimeout = TimeSpan.FromMinutes(4), Retention = TimeSpan.FromHours(5), ArchiveDir = "archive",
            CleanupRetryInitial = TimeSpan.FromSeconds(2), CleanupRetryMax = TimeSpan.FromMinutes(2), StepTimeout = TimeSpan.FromSeconds(45), SubmitAttempts = 2, MaxConcurrentCommands = 3,
            HpcHalfCommand = ["/bin/half", "{batch_dir}"], NodeLauncher = ["srun"], CollectorHost = "cm:9618", Security = "password",
            BridgeHost = "bridge", BridgeCommand = ["/sbin/condor_startd", "-f"],
        };

        var runtime = RuntimeOptions.GlideinSite("s1", site, settings, ["/x/condoractors"]);

        Assert.Equal(("s1", Path.GetFullPath(_dir), false), (runtime.Name, runtime.DataDirectory, runtime.Enabled));
        Assert.Equal((2, 3, TimeSpan.FromHours(2), GlideinMode.Pilot), (runtime.Defaults.Nodes, runtime.Defaults.SlotsPerNode, runtime.Defaults.Walltime, runtime.Defaults.Mode));
        Assert.Equal((7, 4, 9, TimeSpan.FromHours(6)), (runtime.MaxGlideins, runtime.MaxNodesPerJob, runtime.MaxSlotsPerNode, runtime.MaxWalltime));
        Assert.Equal((TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(7), (TimeSpan?)TimeSpan.FromMinutes(4)), (runtime.DrainDeadline, runtime.PollInterval, runtime.HeartbeatTimeout));
        Assert.Equal((TimeSpan.FromHours(5), Path.GetFullPath("archive")), (runtime.Retention, runtime.ArchiveDirectory));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(45), 2), (runtime.CleanupRetryInitial, runtime.CleanupRetryMax, runtime.StepTimeout, runtime.SubmitAttempts));
        Assert.Equal(3, runtime.MaxConcurrentCommands);
        Assert.Equal(["/bin/half", "{batch_dir}"], runtime.HpcHalfCommand.ToArray());
        Assert.Equal(["srun"], runtime.NodeLauncher.ToArray());
        Assert.Equal(("cm:9618", GlideinSecurity.PoolPassword, "bridge"), (runtime.CollectorHost, runtime.Security, runtime.BridgeHost));
        Assert.Equal(["/sbin/condor_startd", "-f"], runtime.BridgeCommand.ToArray());
    }

    [Fact]
    public void Empty_keys_take_this_executable_the_pool_and_this_host()
    {
        var settings = new CondorActorsSettingsSet();
        settings.Condor.Pool = "central:9618";

        var runtime = RuntimeOptions.GlideinSite("s1", new SiteSettings { BatchSystem = "local" }, settings, ["dotnet", "/app/condoractors.dll"]);

        Assert.Equal(["dotnet", "/app/condoractors.dll", "hpc-half", "--batch-dir", "{batch_dir}", "--walltime", "{walltime_seconds}"], runtime.HpcHalfCommand.ToArray());
        Assert.Equal(("central:9618", Environment.MachineName, (string?)null), (runtime.CollectorHost, runtime.BridgeHost, runtime.ArchiveDirectory));
        Assert.Equal(["condor_startd", "-f"], runtime.BridgeCommand.ToArray());
        Assert.Equal("127.0.0.1:9618", RuntimeOptions.GlideinSite("s1", new SiteSettings { BatchSystem = "local" }, new CondorActorsSettingsSet(), ["x"]).CollectorHost);
    }

    [Theory]
    [InlineData("/opt/ca/condoractors", "/opt/ca/condoractors.dll", new[] { "/opt/ca/condoractors" })]
    [InlineData("/usr/share/dotnet/dotnet", "/opt/ca/condoractors.dll", new[] { "/usr/share/dotnet/dotnet", "/opt/ca/condoractors.dll" })]
    public void Self_command_is_the_apphost_or_dotnet_with_the_dll(string processPath, string assembly, string[] expected)
    {
        Assert.Equal(expected, RuntimeOptions.SelfCommand(processPath, assembly));
    }

    [Fact]
    public async Task Without_a_configuration_file_the_server_has_the_local_site_and_with_one_only_the_files_sites()
    {
        var file = Path.Combine(_dir, "mine.conf");
        await File.WriteAllTextAsync(file, "condoractors.sites.mine.batch-system = local\n");

        await using var withDefault = await RunningServer.StartAsync("--condoractors:condor:backend=simulated", "--Logging:LogLevel:Default=Warning");
        await using var withFile = await RunningServer.StartAsync("--condoractors:condor:backend=simulated", "--Logging:LogLevel:Default=Warning", "--config", file);

        Assert.Equal(["local"], withDefault.Sites().Sites.Select(s => s.Settings.Name));
        Assert.Equal("local", withDefault.Sites().Find("local")!.Batch.Kind);
        Assert.Equal(["mine"], withFile.Sites().Sites.Select(s => s.Settings.Name));
        var (response, _) = await withFile.Client.SendAsync(HttpMethod.Post, "/v1/sites/local/glideins", "{}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Config_show_without_a_file_shows_the_default_local_site_and_its_origin()
    {
        using var output = new StringWriter();

        var code = ConfigCommand.Run(["show"], output, TextWriter.Null, new Dictionary<string, string?>());

        Assert.Equal(0, code);
        var line = output.ToString().Split('\n').Single(l => l.StartsWith("condoractors.sites.local.batch-system ", StringComparison.Ordinal));
        Assert.Contains("default.conf", line, StringComparison.Ordinal);
    }
}
