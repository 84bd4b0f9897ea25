using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>The exact argv each query shape runs (the contract with HTCondor 8.7's tools).</summary>
public sealed class CondorArgumentsTests
{
    private static readonly CondorRecording Empty = CondorRecording.Load("condor_q_-json_-constraint_ClusterId==-1");

    [Fact]
    public async Task All_jobs_of_all_users_as_json()
    {
        var (gateway, runner) = Create();

        await gateway.QueryJobsAsync(new JobQuery()).ToListAsync();

        Assert.Equal(["condor_q", "-json", "-allusers"], runner.SingleArgv());
    }

    [Fact]
    public async Task Job_query_with_every_field_wraps_the_constraint_and_adds_identity_attributes()
    {
        var (gateway, runner) = Create();

        await gateway.QueryJobsAsync(new JobQuery
        {
            Constraint = " JobStatus == 2 ",
            Projection = ["Owner", "clusterid", "JobStatus"],
            Schedd = "submit.example.org",
            Pool = "cm.example.org:9618",
            Cluster = 12,
            Proc = 3,
        }).ToListAsync();

        Assert.Equal(
            [
                "condor_q", "-json", "-allusers", "-pool", "cm.example.org:9618", "-name", "submit.example.org",
                "-constraint", "(JobStatus == 2) =?= true", "-attributes", "ClusterId,ProcId,Owner,JobStatus", "12.3",
            ],
            runner.SingleArgv());
    }

    [Fact]
    public async Task Cluster_alone_is_a_bare_number()
    {
        var (gateway, runner) = Create();

        await gateway.QueryJobsAsync(new JobQuery { Cluster = 7 }).ToListAsync();

        Assert.Equal(["condor_q", "-json", "-allusers", "7"], runner.SingleArgv());
    }

    [Fact]
    public async Task Options_give_program_directory_default_schedd_pool_timeout_and_CONDOR_CONFIG()
    {
        var options = new CondorOptions
        {
            Binaries = "/opt/condor/bin",
            Schedd = "default-schedd",
            Pool = "default-pool",
            CommandTimeout = TimeSpan.FromSeconds(7),
            CondorConfig = "/etc/condor/other_config",
        };
        var (gateway, runner) = Create(options);

        await gateway.QueryJobsAsync(new JobQuery()).ToListAsync();

        var command = Assert.Single(runner.Commands);
        Assert.Equal("/opt/condor/bin/condor_q", command.Program);
        Assert.Equal(["-json", "-allusers", "-pool", "default-pool", "-name", "default-schedd"], command.Arguments.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(7), command.Timeout);
        Assert.Equal("/etc/condor/other_config", command.Environment["CONDOR_CONFIG"]);
    }

    [Fact]
    public async Task Without_options_programs_come_from_PATH_and_the_environment_is_untouched()
    {
        var (gateway, runner) = Create();

        await gateway.QueryJobsAsync(new JobQuery()).ToListAsync();

        var command = Assert.Single(runner.Commands);
        Assert.Equal("condor_q", command.Program);
        Assert.Empty(command.Environment);
    }

    [Fact]
    public async Task History_with_limit_since_and_job()
    {
        var (gateway, runner) = Create();

        await gateway.QueryHistoryAsync(new HistoryQuery
        {
            Constraint = "ExitCode != 0",
            Projection = ["ExitCode"],
            Limit = 20,
            Since = DateTimeOffset.FromUnixTimeSeconds(1795289880),
            Cluster = 3,
        }).ToListAsync();

        Assert.Equal(
            [
                "condor_history", "-json", "-constraint", "(EnteredCurrentStatus >= 1795289880) && ((ExitCode != 0) =?= true)",
                "-attributes", "ClusterId,ProcId,ExitCode", "-limit", "20", "3",
            ],
            runner.SingleArgv());
    }

    [Theory]
    [InlineData(StatusAdType.Startd, "-startd")]
    [InlineData(StatusAdType.Schedd, "-schedd")]
    [InlineData(StatusAdType.Master, "-master")]
    [InlineData(StatusAdType.Collector, "-collector")]
    [InlineData(StatusAdType.Negotiator, "-negotiator")]
    [InlineData(StatusAdType.Submitter, "-submitters")]
    [InlineData(StatusAdType.Any, "-any")]
    public async Task Status_names_the_ad_type(StatusAdType type, string flag)
    {
        var (gateway, runner) = Create();

        await gateway.QueryStatusAsync(new StatusQuery { AdType = type }).ToListAsync();

        Assert.Equal(["condor_status", "-json", flag], runner.SingleArgv());
    }

    [Fact]
    public async Task Status_name_becomes_an_exact_quoted_clause_and_projection_keeps_name_and_type()
    {
        var (gateway, runner) = Create();

        await gateway.QueryStatusAsync(new StatusQuery
        {
            Name = "slot1@we\"ird\\host",
            Constraint = "State == \"Claimed\"",
            Projection = ["State"],
            Pool = "127.0.0.1:9618",
        }).ToListAsync();

        Assert.Equal(
            [
                "condor_status", "-json", "-startd", "-pool", "127.0.0.1:9618",
                "-constraint", "(Name =?= \"slot1@we\\\"ird\\\\host\") && ((State == \"Claimed\") =?= true)",
                "-attributes", "Name,MyType,State",
            ],
            runner.SingleArgv());
    }

    [Fact]
    public async Task Config_names_dump_and_daemon_forms()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_config_val_-dump_full"));
        var gateway = new CondorCliGateway(runner, new CondorOptions { Pool = "cm:9618" });

        await gateway.GetConfigAsync(ConfigQuery.All);
        await gateway.GetConfigAsync(new ConfigQuery { Names = [], Daemon = CondorDaemonKind.Schedd, DaemonName = "vm" });

        Assert.Equal(["-dump", "-expanded"], runner.Commands[0].Arguments.ToArray());
        Assert.Equal(["-pool", "cm:9618", "-name", "vm", "-schedd", "-dump", "-expanded"], runner.Commands[1].Arguments.ToArray());
        Assert.All(runner.Commands, command => Assert.Equal("condor_config_val", command.Program));
    }

    [Fact]
    public async Task Config_names_are_positional_after_the_daemon_flag()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_config_val_-schedd_NEGOTIATOR_INTERVAL"));
        var gateway = new CondorCliGateway(runner, new CondorOptions());

        await gateway.GetConfigAsync(new ConfigQuery { Names = ["NEGOTIATOR_INTERVAL"], Daemon = CondorDaemonKind.Schedd });

        Assert.Equal(["condor_config_val", "-schedd", "NEGOTIATOR_INTERVAL"], runner.SingleArgv());
    }

    [Theory]
    [InlineData("-dump")]
    [InlineData("A B")]
    [InlineData("")]
    public async Task Config_names_that_could_read_as_options_are_refused_before_running(string name)
    {
        var (gateway, runner) = Create();

        await Assert.ThrowsAsync<ArgumentException>(() => gateway.GetConfigAsync(ConfigQuery.For(name)));

        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData("A,B")]
    [InlineData("1abc")]
    [InlineData("a b")]
    public async Task Projection_names_outside_the_identifier_pattern_are_refused_before_running(string name)
    {
        var (gateway, runner) = Create();

        await Assert.ThrowsAsync<ArgumentException>(() => gateway.QueryJobsAsync(new JobQuery { Projection = [name] }).ToListAsync());

        Assert.Empty(runner.Commands);
    }

    private static (CondorCliGateway Gateway, ReplayProcessRunner Runner) Create(CondorOptions? options = null)
    {
        var runner = new ReplayProcessRunner(Empty);
        return (new CondorCliGateway(runner, options ?? new CondorOptions()), runner);
    }
}
