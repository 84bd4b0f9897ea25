using CondorActors.Kernel.Processes;
using CondorActors.TestKit;

namespace CondorActors.Kernel.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Arguments_reach_the_program_verbatim_without_a_shell()
    {
        string[] hostile = ["two words", "$HOME", "`id`", "a;b", "'quoted'", "*", "line\nbreak", ""];

        var result = await _runner.RunAsync(TestProgram.Command(["echo-args", .. hostile]));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Join('\n', hostile) + "\n", result.StandardOutput);
    }

    [Fact]
    public async Task Standard_input_is_written_then_closed()
    {
        var input = "first line\nsecond line with ünïcödé\n";

        var result = await _runner.RunAsync(TestProgram.Command("cat").WithStandardInput(input));

        Assert.Equal(input, result.StandardOutput);
    }

    [Fact]
    public async Task Without_standard_input_the_program_sees_end_of_file()
    {
        var result = await _runner.RunAsync(TestProgram.Command("cat").WithTimeout(Patience));

        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Environment_variables_are_set_and_removed()
    {
        Environment.SetEnvironmentVariable("CONDORACTORS_TEST_INHERITED", "parent");
        var command = TestProgram.Command("env", "CONDORACTORS_TEST_SET", "CONDORACTORS_TEST_INHERITED")
            .WithEnvironment("CONDORACTORS_TEST_SET", "value with spaces")
            .WithEnvironment("CONDORACTORS_TEST_INHERITED", null);

        var result = await _runner.RunAsync(command);

        Assert.Equal("CONDORACTORS_TEST_SET=value with spaces\nCONDORACTORS_TEST_INHERITED unset\n", result.StandardOutput);
    }

    [Fact]
    public async Task Working_directory_is_applied()
    {
        var directory = Directory.CreateTempSubdirectory("condoractors-cwd-").FullName;
        try
        {
            var result = await _runner.RunAsync(TestProgram.Command("cwd").WithWorkingDirectory(directory));

            Assert.Equal(directory, result.StandardOutput.TrimEnd('\n'));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public async Task Non_zero_exit_throws_with_command_line_exit_code_and_stderr()
    {
        var command = TestProgram.Command("fail", "3", "Job 99999.0 not found");

        var error = await Assert.ThrowsAsync<ProcessExitException>(() => _runner.RunAsync(command));

        Assert.Equal(3, error.ExitCode);
        Assert.Contains("Job 99999.0 not found", error.StandardErrorTail, StringComparison.Ordinal);
        Assert.Contains("condoractors-testprog fail 3 'Job 99999.0 not found'", error.CommandLine, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Result.ExitCode);
    }

    [Fact]
    public async Task Non_zero_exit_is_returned_when_validation_is_off()
    {
        var result = await _runner.RunAsync(TestProgram.Command("fail", "1", "Not defined: NO_SUCH_KNOB").WithValidation(false));

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("Not defined: NO_SUCH_KNOB\n", result.StandardError);
    }

    [Fact]
    public async Task Secrets_are_redacted_from_errors()
    {
        var command = TestProgram.Command("fail", "1", "rejected token s3cr3t-t0ken")
            .WithArguments("fail", "1", "--token=s3cr3t-t0ken")
            .WithSecret("s3cr3t-t0ken");

        var error = await Assert.ThrowsAsync<ProcessExitException>(() => _runner.RunAsync(command));

        Assert.DoesNotContain("s3cr3t-t0ken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-t0ken", error.CommandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-t0ken", error.StandardErrorTail, StringComparison.Ordinal);
        Assert.Contains("--token=***", error.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_program_fails_to_start_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ProcessStartException>(
            () => _runner.RunAsync(new ProcessCommand("/nonexistent/condor_q", ["-json"])));

        Assert.Contains("/nonexistent/condor_q -json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_over_the_limit_kills_the_program_and_fails()
    {
        var command = TestProgram.Command("print-bytes", "10000000").WithOutputLimit(64 * 1024).WithTimeout(Patience);

        var error = await Assert.ThrowsAsync<ProcessOutputLimitException>(() => _runner.RunAsync(command));

        Assert.Equal(64 * 1024, error.LimitBytes);
    }

    [Fact]
    public async Task Output_under_the_limit_is_returned_whole()
    {
        var result = await _runner.RunAsync(TestProgram.Command("print-bytes", "300000").WithOutputLimit(300000));

        Assert.Equal(300000, result.StandardOutput.Length);
    }

    [Fact]
    public async Task Timeout_kills_a_shell_and_the_sleep_it_spawned()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"condoractors-sleep-{Guid.NewGuid():N}.pid");
        var command = new ProcessCommand("/bin/sh", ["-c", "sleep 300 & echo $! > \"$1\"; wait", "sh", pidFile])
            .WithTimeout(TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<ProcessTimeoutException>(() => _runner.RunAsync(command));

        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
        var sleepPid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
        await AwaitAssert.RunAsync(() => Assert.False(ProcessTree.IsAlive(sleepPid), $"sleep {sleepPid} survived"), Patience, PollInterval);
    }

    [Fact]
    public async Task Cancellation_kills_the_tree_and_throws_operation_cancelled()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"condoractors-sleep-{Guid.NewGuid():N}.pid");
        var command = new ProcessCommand("/bin/sh", ["-c", "sleep 300 & echo $! > \"$1\"; wait", "sh", pidFile]);
        using var cancellation = new CancellationTokenSource();

        var run = _runner.RunAsync(command, cancellation.Token);
        await AwaitAssert.RunAsync(() => Assert.True(File.Exists(pidFile) && new FileInfo(pidFile).Length > 0), Patience, PollInterval);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var sleepPid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
        await AwaitAssert.RunAsync(() => Assert.False(ProcessTree.IsAlive(sleepPid)), Patience, PollInterval);
    }

    [Fact]
    public async Task A_program_that_ignores_sigterm_is_killed_after_the_grace_period()
    {
        var command = TestProgram.Command("ignore-sigterm")
            .WithTimeout(TimeSpan.FromMilliseconds(300))
            .WithKillGracePeriod(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<ProcessTimeoutException>(() => _runner.RunAsync(command));
    }

    [Fact]
    public async Task Streamed_stdout_reader_gets_the_bytes_and_an_early_stop_does_not_deadlock()
    {
        var command = TestProgram.Command("print-bytes", "5000000").WithTimeout(Patience);

        var (firstChunk, result) = await _runner.RunAsync(command, async (stdout, token) =>
        {
            var buffer = new byte[100];
            return await stdout.ReadAsync(buffer, token);
        });

        Assert.InRange(firstChunk, 1, 100);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_reader_that_throws_gets_its_exception_back_and_the_program_is_stopped()
    {
        var command = TestProgram.Command("ignore-sigterm").WithKillGracePeriod(TimeSpan.FromMilliseconds(200)).WithTimeout(Patience);

        var error = await Assert.ThrowsAsync<FormatException>(() => _runner.RunAsync<int>(command, async (stdout, token) =>
        {
            var buffer = new byte[5];
            await stdout.ReadExactlyAsync(buffer, token);
            throw new FormatException("unexpected output");
        }));

        Assert.Equal("unexpected output", error.Message);
    }

    [Fact]
    public async Task Lines_stream_from_both_outputs_in_order_per_stream()
    {
        var lines = new List<ProcessOutputLine>();

        await foreach (var line in _runner.StreamLinesAsync(TestProgram.Command("lines", "6")))
        {
            lines.Add(line);
        }

        Assert.Equal(["line 0", "line 2", "line 4"], lines.Where(l => l.Stream == OutputStream.StandardOutput).Select(l => l.Text));
        Assert.Equal(["line 1", "line 3", "line 5"], lines.Where(l => l.Stream == OutputStream.StandardError).Select(l => l.Text));
    }

    [Fact]
    public async Task Streaming_a_failing_program_throws_after_its_lines()
    {
        var seen = 0;

        var error = await Assert.ThrowsAsync<ProcessExitException>(async () =>
        {
            await foreach (var unused in _runner.StreamLinesAsync(TestProgram.Command("lines", "4", "7")))
            {
                seen++;
            }
        });

        Assert.Equal(4, seen);
        Assert.Equal(7, error.ExitCode);
    }

    [Fact]
    public async Task Result_reports_duration()
    {
        var result = await _runner.RunAsync(TestProgram.Command("echo-args", "x"));

        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Theory]
    [InlineData(new[] { "condor_q", "-json" }, "condor_q -json")]
    [InlineData(new[] { "condor_q", "-constraint", "Owner == \"alice\"" }, "condor_q -constraint 'Owner == \"alice\"'")]
    [InlineData(new[] { "sh", "it's" }, "sh 'it'\\''s'")]
    [InlineData(new[] { "echo", "" }, "echo ''")]
    public void Display_command_line_quotes_like_a_posix_shell(string[] argv, string expected)
    {
        Assert.Equal(expected, new ProcessCommand(argv[0], argv[1..]).DisplayCommandLine);
    }
}
