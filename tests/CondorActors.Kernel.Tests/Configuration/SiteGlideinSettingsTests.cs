using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Tests.Configuration;

/// <summary>The glidein keys of a site: bound with HOCON units, argv lists kept whole, bad values named by path.</summary>
public sealed class SiteGlideinSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("site-glidein-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (CondorActorsSettingsSet Settings, List<string> Errors) Bind(string hocon, params string[] commandLine)
    {
        var file = Path.Combine(_dir, "app.conf");
        File.WriteAllText(file, hocon);
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(file, new Dictionary<string, string?>(), commandLine).Build();
        var errors = new List<string>();
        return (CondorActorsOptionsRegistration.Bind(configuration, errors), errors);
    }

    [Fact]
    public void Glidein_keys_bind_with_units_and_argv_elements_stay_whole()
    {
        var (settings, errors) = Bind("""
            condoractors.sites.s1 {
              batch-system = slurm
              slots-per-node = 4, max-slots-per-node = 32, max-walltime = 12h, walltime = 2h, mode = pilot
              drain-deadline = 15m, retention = 2d, archive-dir = /srv/archive
              cleanup-retry-initial = 1s, cleanup-retry-max = 1m, step-timeout = 30s, submit-attempts = 3
              max-concurrent-commands = 2
              hpc-half-command = ["/opt/my hpc/half", "--dir={batch_dir}", "--gres=gpu:1,shard:2"]
              node-launcher = [srun, "--ntasks-per-node=1"]
              collector-host = "cm.example:9618", security = password, bridge-host = bridge1
              bridge-command = [/usr/sbin/condor_startd, -f]
            }
            """);

        Assert.Empty(errors);
        var site = settings.Sites.Sites["s1"];
        Assert.Equal((4, 32, TimeSpan.FromHours(12), "pilot"), (site.SlotsPerNode, site.MaxSlotsPerNode, site.MaxWalltime, site.Mode));
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromDays(2), "/srv/archive"), (site.DrainDeadline, site.Retention, site.ArchiveDir));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), 3), (site.CleanupRetryInitial, site.CleanupRetryMax, site.StepTimeout, site.SubmitAttempts));
        Assert.Equal(2, site.MaxConcurrentCommands);
        Assert.Equal(["/opt/my hpc/half", "--dir={batch_dir}", "--gres=gpu:1,shard:2"], site.HpcHalfCommand);
        Assert.Equal(["srun", "--ntasks-per-node=1"], site.NodeLauncher);
        Assert.Equal(("cm.example:9618", "password", "bridge1"), (site.CollectorHost, site.Security, site.BridgeHost));
        Assert.Equal(["/usr/sbin/condor_startd", "-f"], site.BridgeCommand);
    }

    [Fact]
    public void An_argv_from_one_command_line_value_splits_on_blanks_only()
    {
        var (settings, errors) = Bind("condoractors.sites.s1.batch-system = local", "--condoractors:sites:s1:hpc-half-command=/bin/half --a=1,2");

        Assert.Empty(errors);
        Assert.Equal(["/bin/half", "--a=1,2"], settings.Sites.Sites["s1"].HpcHalfCommand);
    }

    [Theory]
    [InlineData("slots-per-node = 0", "condoractors.sites.s1.slots-per-node: 0 must be at least 1")]
    [InlineData("slots-per-node = 8, max-slots-per-node = 4", "condoractors.sites.s1.max-slots-per-node: 4 is less than slots-per-node (8)")]
    [InlineData("walltime = 4h, max-walltime = 1h", "condoractors.sites.s1.max-walltime: 01:00:00 is less than walltime (04:00:00)")]
    [InlineData("mode = glide", "condoractors.sites.s1.mode: 'glide' is not one of split, pilot")]
    [InlineData("security = kerberos", "condoractors.sites.s1.security: 'kerberos' is not one of idtokens, password")]
    [InlineData("drain-deadline = 0s", "condoractors.sites.s1.drain-deadline: 00:00:00 must be positive")]
    [InlineData("retention = -1s", "condoractors.sites.s1.retention: must not be negative")]
    [InlineData("cleanup-retry-initial = 0s", "condoractors.sites.s1.cleanup-retry-initial: 00:00:00 must be positive")]
    [InlineData("cleanup-retry-initial = 10m, cleanup-retry-max = 1m", "condoractors.sites.s1.cleanup-retry-max: 00:01:00 is less than cleanup-retry-initial (00:10:00)")]
    [InlineData("step-timeout = 0s", "condoractors.sites.s1.step-timeout: 00:00:00 must be positive")]
    [InlineData("submit-attempts = 0", "condoractors.sites.s1.submit-attempts: 0 must be at least 1")]
    [InlineData("max-concurrent-commands = 0", "condoractors.sites.s1.max-concurrent-commands: 0 must be at least 1")]
    [InlineData("max-concurrent-commands = many", "condoractors.sites.s1.max-concurrent-commands: 'many'")]
    [InlineData("hpc-half-command = [\"\", x]", "condoractors.sites.s1.hpc-half-command: the first element (the program) must not be empty")]
    [InlineData("node-launcher = [\"srun\\nrm\"]", "condoractors.sites.s1.node-launcher: an argument contains a line break")]
    [InlineData("bridge-command = [\"\"]", "condoractors.sites.s1.bridge-command: the first element (the program) must not be empty")]
    [InlineData("collector-host = \"a b\"", "condoractors.sites.s1.collector-host: a host name has no blanks")]
    [InlineData("max-walltime = soon", "condoractors.sites.s1.max-walltime: 'soon' is not a duration")]
    public void Bad_glidein_keys_are_named_by_path(string keys, string expected)
    {
        var (_, errors) = Bind($"condoractors.sites.s1 {{ batch-system = local, {keys} }}");

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_with_only_a_batch_system_is_valid_with_the_documented_defaults()
    {
        var (settings, errors) = Bind("condoractors.sites.s1.batch-system = local");

        Assert.Empty(errors);
        var site = settings.Sites.Sites["s1"];
        Assert.Equal((1, 64, TimeSpan.FromHours(48), "split", "idtokens"), (site.SlotsPerNode, site.MaxSlotsPerNode, site.MaxWalltime, site.Mode, site.Security));
        Assert.Equal(8, site.MaxConcurrentCommands);
        Assert.Empty(site.HpcHalfCommand);
        Assert.Empty(site.BridgeCommand);
    }
}
