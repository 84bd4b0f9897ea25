using System.Security.Cryptography;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Cobalt;
using CondorActors.Domain.Batch.Local;
using CondorActors.Domain.Batch.Pbs;
using CondorActors.Domain.Batch.Sfapi;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CondorActors.Domain.Tests.Batch;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BatchSystemFactoryTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("batch-factory-").FullName;
    private readonly ScriptedProcessRunner _runner = new(c => ScriptedProcessRunner.Result(c, 0, "77;cluster\n"));

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private BatchSystemFactory Factory => new(_runner, _dataDir);

    private static SiteSettings Sfapi() => new()
    {
        BatchSystem = "sfapi",
        Account = "m0000",
        Constraint = "cpu",
        Sfapi = { Machine = "perlmutter", ClientId = "client1", PrivateKeyFile = "/etc/condoractors/key.pem", ApiUrl = "https://api.example/api/v1.2" },
    };

    [Fact]
    public async Task Slurm_site_submits_with_its_settings_tag_and_command_directory()
    {
        var site = new SiteSettings
        {
            BatchSystem = "slurm",
            Partition = "compute",
            Account = "proj",
            Qos = "normal",
            Constraint = "cpu",
            Binaries = "/opt/slurm/bin",
            Environment = { ["SLURM_CONF"] = "/etc/slurm/slurm.conf" },
        };
        var adapter = Factory.Create("slurm-a", site);

        var id = await adapter.SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1"));

        Assert.Equal("slurm", adapter.Kind);
        Assert.Equal("77", id);
        var command = Assert.Single(_runner.Commands);
        Assert.Equal("/opt/slurm/bin/sbatch", command.Program);
        Assert.Equal(
            ["--parsable", "--job-name=slurm_a-g1", "--comment=condoractors:slurm_a", "--export=NONE", "--nodes=1",
                "--account=proj", "--partition=compute", "--qos=normal", "--constraint=cpu"],
            command.Arguments.ToArray());
        Assert.Equal("/etc/slurm/slurm.conf", command.Environment["SLURM_CONF"]);
    }

    [Fact]
    public async Task A_request_constraint_replaces_the_site_constraint()
    {
        var site = new SiteSettings { BatchSystem = "slurm", Constraint = "cpu", AllowedExtraDirectives = ["--constraint"] };

        await Factory.Create("s", site).SubmitAsync(new BatchJobRequest("#!/bin/bash\n", "g1") { ExtraDirectives = ["--constraint=gpu"] });

        var arguments = Assert.Single(_runner.Commands).Arguments;
        Assert.Contains("--constraint=gpu", arguments);
        Assert.DoesNotContain("--constraint=cpu", arguments);
    }

    [Fact]
    public void Slurm_options_carry_every_slurm_setting()
    {
        var site = new SiteSettings { BatchSystem = "slurm", Tag = "mine", User = "svc", Export = "ALL", JobCompletionLog = "/var/log/slurm/jobcomp", CommandTimeout = TimeSpan.FromSeconds(9) };

        var options = BatchSystemFactory.SlurmOptions("s", site);

        Assert.Equal("mine", options.Tag.Value);
        Assert.Equal("svc", options.User);
        Assert.Equal("ALL", options.Export);
        Assert.Equal("/var/log/slurm/jobcomp", options.JobCompletionLogPath);
        Assert.Equal(TimeSpan.FromSeconds(9), options.CommandTimeout);
        Assert.Equal(("sbatch", "squeue", "scontrol", "sacct", "scancel"), (options.SbatchPath, options.SqueuePath, options.ScontrolPath, options.SacctPath, options.ScancelPath));
        Assert.Null(options.Partition);
    }

    [Fact]
    public void Pbs_site_gets_queue_account_and_commands()
    {
        var site = new SiteSettings { BatchSystem = "pbs", Queue = "workq", Account = "acct", Binaries = "/opt/pbs/bin", AllowedExtraDirectives = ["-l"] };

        var adapter = Factory.Create("pbs-cluster", site);
        var options = BatchSystemFactory.PbsOptions("pbs-cluster", site);

        Assert.IsType<PbsBatchSystem>(adapter);
        Assert.Equal("pbs_cluster", options.Tag.Value);
        Assert.Equal(("workq", "acct"), (options.Queue, options.Account));
        Assert.Equal(("/opt/pbs/bin/qsub", "/opt/pbs/bin/qstat", "/opt/pbs/bin/qdel"), (options.QsubPath, options.QstatPath, options.QdelPath));
        Assert.Equal(["-l"], options.AllowedExtraDirectives.ToArray());
    }

    [Fact]
    public void Cobalt_site_charges_the_account_as_project_and_keeps_scripts_under_the_data_dir()
    {
        var site = new SiteSettings { BatchSystem = "cobalt", Account = "MyProject", Queue = "default" };

        var adapter = Factory.Create("theta", site);
        var options = Factory.CobaltOptions("theta", site);
        var shared = Factory.CobaltOptions("theta", new SiteSettings { BatchSystem = "cobalt", Account = "P", JobDirectory = "/lus/shared/ca" });

        Assert.IsType<CobaltBatchSystem>(adapter);
        Assert.Equal("MyProject", options.Project);
        Assert.Equal(Path.Combine(_dataDir, "batch", "theta"), options.JobDirectory);
        Assert.Equal("/lus/shared/ca", shared.JobDirectory);
    }

    [Fact]
    public void Sfapi_site_maps_client_key_urls_and_timeouts()
    {
        var site = Sfapi();
        site.Sfapi.TaskTimeout = TimeSpan.FromMinutes(2);

        using var adapter = Assert.IsType<SfapiBatchSystem>(Factory.Create("perlmutter", site));
        var options = BatchSystemFactory.SfapiOptions("perlmutter", site);

        Assert.Equal("sfapi", adapter.Kind);
        Assert.Equal(("perlmutter", "client1", "/etc/condoractors/key.pem"), (options.Machine, options.ClientId, options.KeyFile));
        Assert.Equal(new Uri("https://api.example/api/v1.2/"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://api.example/api/v1.2/jobs/perlmutter"), new Uri(options.ApiBaseUrl, "jobs/perlmutter"));
        Assert.Equal(("m0000", "cpu"), (options.Account, options.Constraint));
        Assert.Equal(TimeSpan.FromMinutes(2), options.TaskTimeout);
    }

    [Fact]
    public async Task Local_site_keeps_its_jobs_under_data_dir_batch_site()
    {
        var site = new SiteSettings { BatchSystem = "local", MaxRunning = 3, KillGracePeriod = TimeSpan.FromSeconds(1) };

        var adapter = Factory.Create("dev", site);
        var options = Factory.LocalOptions("dev", site);
        var status = await adapter.GetStatusAsync();

        Assert.IsType<LocalBatchSystem>(adapter);
        Assert.Equal(Path.Combine(_dataDir, "batch", "dev"), options.StateDirectory);
        Assert.True(Directory.Exists(options.StateDirectory));
        Assert.Equal(3, options.MaxRunning);
        Assert.Equal(Environment.ProcessorCount, Factory.LocalOptions("dev", new SiteSettings { BatchSystem = "local" }).MaxRunning);
        Assert.Empty(status.Jobs);
    }

    [Fact]
    public void Sfapi_without_client_id_is_refused_naming_the_setting()
    {
        var site = Sfapi();
        site.Sfapi.ClientId = "";

        var e = Assert.Throws<OptionsValidationException>(() => Factory.Create("nersc", site));

        Assert.Contains(e.Failures, f => f.StartsWith("condoractors.sites.nersc.sfapi.client-id: required for sfapi", StringComparison.Ordinal));
        Assert.Empty(_runner.Commands);
    }

    [Theory]
    [InlineData("slurmm", "condoractors.sites.s1.batch-system: 'slurmm' is not one of")]
    [InlineData("", "condoractors.sites.s1.batch-system: required")]
    public void Unknown_batch_system_is_refused(string system, string expected)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Factory.Create("s1", new SiteSettings { BatchSystem = system }));

        Assert.Contains(e.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_of_another_batch_system_are_refused()
    {
        var e = Assert.Throws<OptionsValidationException>(() =>
            Factory.Create("p", new SiteSettings { BatchSystem = "pbs", Partition = "compute", Qos = "normal" }));

        Assert.Contains(e.Failures, f => f.StartsWith("condoractors.sites.p.partition: only used by slurm and sfapi", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("condoractors.sites.p.qos: only used by slurm and sfapi", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_name_that_makes_no_tag_needs_a_configured_tag()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Factory.Create("42", new SiteSettings { BatchSystem = "local" }));
        var adapter = Factory.Create("42", new SiteSettings { BatchSystem = "local", Tag = "site42" });

        Assert.Contains(e.Failures, f => f.StartsWith("condoractors.sites.42.tag:", StringComparison.Ordinal));
        Assert.Equal("site42", Factory.LocalOptions("42", new SiteSettings { Tag = "site42" }).Tag.Value);
        Assert.Equal("local", adapter.Kind);
    }

    [Fact]
    public void Sfapi_key_file_may_be_a_bare_key_when_the_client_id_is_configured()
    {
        using var rsa = RSA.Create(2048);
        var bare = WriteKey("bare.pem", rsa.ExportRSAPrivateKeyPem());
        var nersc = WriteKey("nersc.pem", "client1\n" + rsa.ExportRSAPrivateKeyPem());

        using var fromConfig = SfapiCredentials.Load(bare, "client1");
        using var fromFile = SfapiCredentials.Load(nersc);
        var mismatch = Assert.Throws<BatchCommandException>(() => SfapiCredentials.Load(nersc, "client2"));
        var missing = Assert.Throws<BatchCommandException>(() => SfapiCredentials.Load(bare));

        Assert.Equal("client1", fromConfig.ClientId);
        Assert.Equal("client1", fromFile.ClientId);
        Assert.Contains("not the configured client client2", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("client id", missing.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ShippedSiteExamples() =>
        new(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "hocon", "sites"), "*.conf").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedSiteExamples))]
    public void Every_shipped_site_example_makes_its_adapter(string file)
    {
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(file, new Dictionary<string, string?>(), []).Build();
        var settings = CondorActorsOptionsRegistration.BindValidated(configuration);

        var (name, site) = Assert.Single(settings.Sites.Sites);
        var adapter = Factory.Create(name, site);

        Assert.Equal(site.BatchSystem, adapter.Kind);
        (adapter as IDisposable)?.Dispose();
    }

    private string WriteKey(string name, string text)
    {
        var path = Path.Combine(_dataDir, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
