using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>Parsing of real recorded outputs and errors into values and typed exceptions.</summary>
public sealed class CondorCliGatewayTests
{
    [Fact]
    public async Task Recorded_condor_q_json_reads_as_ads_with_values_and_expressions()
    {
        var gateway = Replay("condor_q_-json", out _);

        var jobs = await gateway.QueryJobsAsync(new JobQuery()).ToListAsync();

        Assert.Equal(["2.0", "2.1", "2.2", "3.0", "3.1", "3.2"], jobs.Select(job => job.JobId()));
        Assert.Equal("slot1@vm", jobs[0].String("RemoteHost"));
        Assert.Equal("testuser", jobs[5].String("owner"));
        Assert.Equal(1, jobs[5].Integer("JobStatus"));

        // "RequestDisk": "\/Expr(DiskUsage)\/" evaluates against the same ad.
        Assert.Equal(jobs[0].Integer("DiskUsage"), jobs[0].Integer("RequestDisk"));
    }

    [Fact]
    public async Task Empty_output_of_condor_q_is_no_jobs()
    {
        var gateway = Replay("condor_q_-json_-constraint_ClusterId==-1", out var runner);

        var jobs = await gateway.QueryJobsAsync(new JobQuery { Constraint = "ClusterId == -1" }).ToListAsync();

        Assert.Empty(jobs);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task Empty_output_of_condor_status_is_no_ads()
    {
        var gateway = Replay("condor_status_-json_-constraint_false", out _);

        Assert.Empty(await gateway.QueryStatusAsync(new StatusQuery { Constraint = "Cpus > 1000" }).ToListAsync());
    }

    [Fact]
    public async Task Bracket_pair_of_condor_history_is_no_jobs()
    {
        var gateway = Replay("condor_history_-json_no_such_job", out _);

        Assert.Empty(await gateway.QueryHistoryAsync(new HistoryQuery { Cluster = 99999, Proc = 0 }).ToListAsync());
    }

    [Theory]
    [InlineData("false")]
    [InlineData("FALSE")]
    [InlineData("1 == 0")]
    [InlineData("undefined")]
    [InlineData("error")]
    [InlineData("1")]
    [InlineData("\"true\"")]
    [InlineData("strcat(\"a\", \"b\") == \"c\"")]
    public async Task Constant_constraints_that_are_not_true_return_nothing_without_running_condor_q(string constraint)
    {
        // Replayed, this recording returns every job: HTCondor 8.7.10's answer to -constraint false.
        var gateway = Replay("condor_q_-json_-constraint_false_QUIRK_returns_all", out var runner);

        var jobs = await gateway.QueryJobsAsync(new JobQuery { Constraint = constraint }).ToListAsync();

        Assert.Empty(jobs);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task Constant_true_runs_with_a_non_literal_constraint()
    {
        var gateway = Replay("condor_q_-json", out var runner);

        var jobs = await gateway.QueryJobsAsync(new JobQuery { Constraint = "true" }).ToListAsync();

        Assert.Equal(6, jobs.Count);
        Assert.Contains("(true) =?= true", runner.Commands.Single().Arguments);
    }

    [Fact]
    public async Task Bad_constraint_is_refused_with_its_position_before_anything_runs()
    {
        var gateway = Replay("condor_q_bad_constraint", out var runner);

        var error = await Assert.ThrowsAsync<CondorConstraintException>(
            () => gateway.QueryJobsAsync(new JobQuery { Constraint = "JobStatus==" }).ToListAsync());

        Assert.Equal("JobStatus==", error.Constraint);
        Assert.Equal(11, error.Position);
        Assert.Null(error.CommandLine);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task Parse_error_printed_by_condor_q_is_a_constraint_error_with_command_and_stderr()
    {
        // A constraint this parser accepts but the tool refuses: the recorded stderr decides.
        var gateway = Replay("condor_q_bad_constraint", out _);

        var error = await Assert.ThrowsAsync<CondorConstraintException>(
            () => gateway.QueryJobsAsync(new JobQuery { Constraint = "Owner == \"x\"" }).ToListAsync());

        Assert.Equal("Owner == \"x\"", error.Constraint);
        Assert.Null(error.Position);
        Assert.Equal(1, error.ExitCode);
        Assert.Contains("-- Parse error in constraint expression", error.StandardErrorTail, StringComparison.Ordinal);
        Assert.StartsWith("condor_q -json -allusers -constraint", error.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_collector_is_typed_with_the_recorded_stderr()
    {
        var gateway = Replay("condor_status_bad_collector", out _);

        var error = await Assert.ThrowsAsync<CondorUnreachableException>(
            () => gateway.QueryStatusAsync(new StatusQuery { Pool = "127.0.0.1:1" }).ToListAsync());

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("CEDAR:6001:Failed to connect to <127.0.0.1:1>", error.StandardErrorTail, StringComparison.Ordinal);
        Assert.Equal("condor_status -json -startd -pool 127.0.0.1:1", error.CommandLine);
    }

    [Fact]
    public async Task Failed_fetch_with_exit_0_and_no_output_is_unreachable_not_empty()
    {
        var recording = new CondorRecording("synthetic", "condor_q -json", 0, string.Empty, "\n-- Failed to fetch ads from: <127.0.0.1:9618?sock=schedd> : vm\nCEDAR:6001:Failed to connect to <127.0.0.1:9618?sock=schedd>\n");
        var gateway = new CondorCliGateway(new ReplayProcessRunner(recording), new CondorOptions());

        await Assert.ThrowsAsync<CondorUnreachableException>(() => gateway.QueryJobsAsync(new JobQuery()).ToListAsync());
    }

    [Fact]
    public async Task Unknown_schedd_is_not_found()
    {
        var recording = new CondorRecording("synthetic", "condor_q -json -name nosuch", 1, string.Empty, "Error: Collector has no record of schedd/submitter\n");
        var gateway = new CondorCliGateway(new ReplayProcessRunner(recording), new CondorOptions());

        var error = await Assert.ThrowsAsync<CondorNotFoundException>(() => gateway.QueryJobsAsync(new JobQuery { Schedd = "nosuch" }).ToListAsync());

        Assert.Equal("nosuch", error.Name);
    }

    [Fact]
    public void Recorded_cant_find_address_is_not_found()
    {
        var recording = CondorRecording.Load("step7E_08_condor_off_-startd_-name_glidein1");
        var result = new ProcessResult(new ProcessCommand("condor_off", ["-startd", "-name", "glidein1@vm"]), recording.ExitCode, recording.StandardOutput, recording.StandardError, TimeSpan.Zero);

        var error = CondorErrorClassifier.Classify(result, constraint: null, name: "glidein1@vm");

        Assert.IsType<CondorNotFoundException>(error);
        Assert.Contains("Can't find address for master glidein1@vm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_is_typed()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_q_-json"))
        {
            Failure = command => new ProcessTimeoutException(command, TimeSpan.FromSeconds(3)),
        };
        var gateway = new CondorCliGateway(runner, new CondorOptions());

        var error = await Assert.ThrowsAsync<CondorTimeoutException>(() => gateway.QueryJobsAsync(new JobQuery()).ToListAsync());

        Assert.Equal(TimeSpan.FromSeconds(3), error.Timeout);
        Assert.Equal("condor_q -json -allusers", error.CommandLine);
    }

    [Fact]
    public async Task Missing_program_is_a_plain_condor_error()
    {
        var runner = new ReplayProcessRunner(CondorRecording.Load("condor_q_-json"))
        {
            Failure = command => new ProcessStartException(command, new System.ComponentModel.Win32Exception(2, "No such file or directory")),
        };
        var gateway = new CondorCliGateway(runner, new CondorOptions());

        var error = await Assert.ThrowsAsync<CondorException>(() => gateway.QueryJobsAsync(new JobQuery()).ToListAsync());

        Assert.Equal(typeof(CondorException), error.GetType());
        Assert.IsType<ProcessStartException>(error.InnerException);
    }

    [Fact]
    public async Task Output_that_is_not_json_is_a_condor_error()
    {
        var gateway = Replay("condor_q_bad_constraint", out _, recording => recording with { ExitCode = 0, StandardOutput = "-- Schedd: vm : <127.0.0.1:9618>\n", StandardError = string.Empty });

        var error = await Assert.ThrowsAsync<CondorException>(() => gateway.QueryJobsAsync(new JobQuery()).ToListAsync());

        Assert.Equal(typeof(CondorException), error.GetType());
    }

    [Fact]
    public async Task Limit_stops_reading_after_that_many_jobs()
    {
        var gateway = Replay("condor_q_-json", out _);

        var jobs = await gateway.QueryJobsAsync(new JobQuery { Limit = 2 }).ToListAsync();

        Assert.Equal(["2.0", "2.1"], jobs.Select(job => job.JobId()));
    }

    [Fact]
    public async Task Errors_surface_on_the_first_MoveNext_not_on_the_call()
    {
        var gateway = Replay("condor_status_bad_collector", out var runner);

        var ads = gateway.QueryStatusAsync(new StatusQuery());
        Assert.Empty(runner.Commands);
        await using var enumerator = ads.GetAsyncEnumerator();

        await Assert.ThrowsAsync<CondorUnreachableException>(async () => await enumerator.MoveNextAsync());
    }

    [Theory]
    [InlineData("condor_status_-json", StatusAdType.Startd, "Machine", 4)]
    [InlineData("condor_status_-schedd_-json", StatusAdType.Schedd, "Scheduler", 1)]
    [InlineData("condor_status_-collector_-json", StatusAdType.Collector, "Collector", 1)]
    [InlineData("condor_status_-master_-json", StatusAdType.Master, "DaemonMaster", 1)]
    [InlineData("condor_status_-negotiator_-json", StatusAdType.Negotiator, "Negotiator", 1)]
    public async Task Recorded_status_outputs_read_as_ads_of_their_type(string recording, StatusAdType type, string myType, int count)
    {
        var gateway = Replay(recording, out _);

        var ads = await gateway.QueryStatusAsync(new StatusQuery { AdType = type }).ToListAsync();

        Assert.Equal(count, ads.Count);
        Assert.All(ads, ad => Assert.Equal(myType, ad.String("MyType")));
        Assert.All(ads, ad => Assert.False(string.IsNullOrEmpty(ad.String("Name"))));
    }

    [Fact]
    public async Task Config_value_by_name()
    {
        var gateway = Replay("condor_config_val_COLLECTOR_HOST", out _);

        var values = await gateway.GetConfigAsync(ConfigQuery.For("COLLECTOR_HOST"));

        Assert.Equal("127.0.0.1:9618", Assert.Single(values).Value);
        Assert.Equal("127.0.0.1:9618", values["collector_host"]);
    }

    [Fact]
    public async Task Undefined_config_name_is_typed()
    {
        var gateway = Replay("condor_config_val_NO_SUCH_KNOB", out _);

        var error = await Assert.ThrowsAsync<CondorUnknownParameterException>(() => gateway.GetConfigAsync(ConfigQuery.For("NO_SUCH_KNOB")));

        Assert.Equal(["NO_SUCH_KNOB"], error.Names);
        Assert.Empty(error.DefinedValues);
        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public async Task Several_names_with_one_undefined_keep_the_values_of_the_others()
    {
        var gateway = Replay("condor_config_val_multi", out _);

        var error = await Assert.ThrowsAsync<CondorUnknownParameterException>(
            () => gateway.GetConfigAsync(ConfigQuery.For("COLLECTOR_HOST", "NO_SUCH_KNOB", "NEGOTIATOR_INTERVAL")));

        Assert.Equal(["NO_SUCH_KNOB"], error.Names);
        Assert.Equal("127.0.0.1:9618", error.DefinedValues["COLLECTOR_HOST"]);
        Assert.Equal("5", error.DefinedValues["NEGOTIATOR_INTERVAL"]);
    }

    [Fact]
    public async Task Value_from_a_running_daemon()
    {
        var gateway = Replay("condor_config_val_-schedd_NEGOTIATOR_INTERVAL", out _);

        var values = await gateway.GetConfigAsync(new ConfigQuery { Names = ["NEGOTIATOR_INTERVAL"], Daemon = CondorDaemonKind.Schedd });

        Assert.Equal("5", values["NEGOTIATOR_INTERVAL"]);
    }

    [Fact]
    public async Task Dump_reads_every_line_and_skips_comments()
    {
        var gateway = Replay("condor_config_val_-dump_full", out _);

        var values = await gateway.GetConfigAsync(ConfigQuery.All);

        Assert.Equal(1027, values.Count);
        Assert.Equal("$(CONDOR_HOST):9618", values["COLLECTOR_HOST"]);
        Assert.Equal(string.Empty, values["ACCOUNTANT_HOST"]);
        Assert.Equal("ifThenElse(JobStart =!= UNDEFINED, (time() - JobStart), 0)", values["ActivationTimer"]);
        Assert.DoesNotContain(values.Keys, key => key.StartsWith('#'));
    }

    [Fact]
    public async Task Usage_error_of_condor_config_val_is_a_plain_condor_error()
    {
        var gateway = Replay("condor_config_val_-json", out _);

        var error = await Assert.ThrowsAsync<CondorException>(() => gateway.GetConfigAsync(ConfigQuery.For("COLLECTOR_HOST")));

        Assert.Equal(typeof(CondorException), error.GetType());
        Assert.Contains("-json is not a valid argument", error.Message, StringComparison.Ordinal);
    }

    private static CondorCliGateway Replay(string name, out ReplayProcessRunner runner, Func<CondorRecording, CondorRecording>? change = null)
    {
        var recording = CondorRecording.Load(name);
        runner = new ReplayProcessRunner(change is null ? recording : change(recording));
        return new CondorCliGateway(runner, new CondorOptions());
    }
}
