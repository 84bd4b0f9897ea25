using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CondorActors.Server.Commands;
using CondorActors.TestKit;
using CondorActors.TestPrograms;

namespace CondorActors.Server.Tests.Glideins.Crash;

/// <summary>
/// Crash recovery of a glidein's cleanup, with the real controller executable on the CLI backend
/// over fake HTCondor tools (<see cref="FakeCondorPool"/>: state in files, recorded output formats,
/// every run logged). A pilot glidein runs on the local batch system with a job on one of its
/// slots; it is killed (DELETE ?force=true) and its cleanup starts; one tool run of the cleanup
/// blocks, the controller gets SIGKILL while it blocks, and a new controller on the same data
/// folder finishes the cleanup. The pool must end exactly as after one uninterrupted cleanup, and
/// the invocation log must show every cleanup command once, except the interrupted one, twice.
/// </summary>
public sealed class GlideinCrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private readonly string _root = Directory.CreateTempSubdirectory("condoractors-crash-").FullName;
    private readonly List<int> _blockedTools = [];

    /// <summary>
    /// Where the controller dies: in the first <c>condor_advertise INVALIDATE_STARTD_ADS</c> or in
    /// <c>condor_vacate_job</c>, before the tool changed the pool (the command never took effect) or
    /// after (it did, but the controller never learned it, so it must be harmless to send again).
    /// </summary>
    public static TheoryData<string, string?, FakeCondorBlockPhase> InterruptionPoints => new()
    {
        { "condor_advertise", "INVALIDATE_STARTD_ADS", FakeCondorBlockPhase.After },
        { "condor_advertise", "INVALIDATE_STARTD_ADS", FakeCondorBlockPhase.Before },
        { "condor_vacate_job", null, FakeCondorBlockPhase.After },
        { "condor_vacate_job", null, FakeCondorBlockPhase.Before },
    };

    public void Dispose()
    {
        foreach (var pid in _blockedTools)
        {
            try
            {
                using var tool = Process.GetProcessById(pid);
                tool.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [MemberData(nameof(InterruptionPoints))]
    public async Task Cleanup_interrupted_by_SIGKILL_completes_after_restart_running_each_command_once_or_harmlessly_again(
        string tool, string? argument, FakeCondorBlockPhase phase)
    {
        var log = Path.Combine(_root, "controller.log");
        try
        {
            await RunAsync(tool, argument, phase, log);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The temporary folder goes with the test: keep what the controllers said in the failure.
            var said = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(60)) : "(no output)";
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n--- controller output (last 60 lines) ---\n{said}", ex);
        }
    }

    private async Task RunAsync(string tool, string? argument, FakeCondorBlockPhase phase, string log)
    {
        var pool = FakeCondorPool.Create(Path.Combine(_root, "condor"), Path.Combine(AppContext.BaseDirectory, "condoractors-testprog"));
        var data = Path.Combine(_root, "data");
        var config = WriteConfig(pool, data);
        var token = await CreateTokenAsync(config);

        string id;
        (string Ads, string Jobs) atCrash;
        await using (var controller = await ControllerProcess.StartAsync(config, token, log))
        {
            var (requested, body) = await controller.SendAsync(HttpMethod.Post, $"/v1/sites/{CrashPool.Site}/glideins", """{"count": 1, "mode": "pilot", "walltime": "5m"}""");
            Assert.True(requested.StatusCode == HttpStatusCode.Accepted, $"POST answered {requested.StatusCode}: {body}");
            id = body.GetProperty("glideins")[0].GetString()!;

            // The pilot's startd advertises its slots and a job lands on one: Running.
            CrashPool.Arrange(pool, id);
            await StateAsync(controller, id, "Running");

            pool.Block(tool, phase, argument);
            var (killed, _) = await controller.SendAsync(HttpMethod.Delete, $"/v1/glideins/{id}?force=true");
            Assert.Equal(HttpStatusCode.Accepted, killed.StatusCode);
            var blocked = await BlockedAsync(pool, tool);
            atCrash = pool.Snapshot();
            await controller.KillAsync();

            if (phase == FakeCondorBlockPhase.Before)
            {
                // The command dies with the controller before it reached the pool.
                using var process = Process.GetProcessById(blocked);
                process.Kill();
                await process.WaitForExitAsync();
            }
            else
            {
                // It reached the pool; its answer goes to a dead controller.
                pool.Release(tool);
            }
        }

        var cleanedUp = CrashPool.CleanedUp(id);
        if (phase == FakeCondorBlockPhase.After && tool == "condor_vacate_job")
        {
            Assert.Equal(cleanedUp.Jobs, atCrash.Jobs);
        }

        if (phase == FakeCondorBlockPhase.After && tool == "condor_advertise")
        {
            Assert.DoesNotContain(CrashPool.Slot(id, 1), atCrash.Ads, StringComparison.Ordinal);
        }

        if (phase == FakeCondorBlockPhase.Before)
        {
            // Killed before it acted: what it was to remove or vacate is still there.
            Assert.Contains(CrashPool.Slot(id, 1), tool == "condor_advertise" ? atCrash.Ads : atCrash.Jobs, StringComparison.Ordinal);
        }

        await using (var restarted = await ControllerProcess.StartAsync(config, token, log))
        {
            // Cleaned up: gone from the API (only CleanedUp glideins are) and its folder deleted after retention.
            await GoneAsync(restarted, id);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.SendAsync(HttpMethod.Get, $"/v1/glideins/{id}")).Response.StatusCode);
            Assert.False(Directory.Exists(Path.Combine(data, "glideins", CrashPool.Site, id)), "the glidein's folder is deleted");
        }

        // Exactly the end state of one uninterrupted cleanup: so the repeated command changed nothing more.
        Assert.Equal(cleanedUp, pool.Snapshot());
        var interruptedTwice = tool == "condor_advertise"
            ? new[] { "advertise INVALIDATE_STARTD_ADS", "advertise INVALIDATE_STARTD_ADS", "advertise INVALIDATE_MASTER_ADS", "record jobs", "vacate 1.0" }
            : ["advertise INVALIDATE_STARTD_ADS", "advertise INVALIDATE_MASTER_ADS", "record jobs", "vacate 1.0", "vacate 1.0"];
        Assert.Equal(interruptedTwice, CleanupCommands(pool.Invocations(), id));
    }

    /// <summary>
    /// The cleanup's commands in order: invalidations, the query recording the glidein's jobs, vacates
    /// (confirmation queries, which are harmless reads, and the site's polls are left out).
    /// </summary>
    private static List<string> CleanupCommands(IReadOnlyList<FakeCondorPool.Invocation> invocations, string id)
    {
        var commands = new List<string>();
        foreach (var (tool, args) in invocations)
        {
            switch (tool)
            {
                case "condor_advertise":
                    commands.Add("advertise " + args[^2]);
                    break;
                case "condor_vacate_job":
                    commands.Add("vacate " + string.Join(' ', args));
                    break;
                case "condor_q" when args.Any(a => a.Contains($"@glidein_{id}_", StringComparison.Ordinal)):
                    commands.Add("record jobs");
                    break;
            }
        }

        return commands;
    }

    private static string WriteConfig(FakeCondorPool pool, string data)
    {
        var path = Path.Combine(Path.GetDirectoryName(pool.Root)!, "condoractors.conf");
        File.WriteAllText(path, $$"""
            condoractors {
              data-dir = {{JsonSerializer.Serialize(data)}}
              condor {
                backend = cli
                binaries = {{JsonSerializer.Serialize(pool.Bin)}}
                command-timeout = 5m
              }
              auth.rate-limits { read-per-minute = 0, write-per-minute = 0 }
              sites.{{CrashPool.Site}} {
                batch-system = local
                mode = pilot
                max-running = 2
                poll-interval = 500ms
                heartbeat-timeout = 60s
                retention = 2s
                cleanup-retry-initial = 100ms
                cleanup-retry-max = 1s
                kill-grace-period = 2s
                step-timeout = 5m
                bridge-host = {{CrashPool.Host}}
              }
            }
            """);
        return path;
    }

    /// <summary>A glideins token in the journal the controller will use (<c>condoractors token create</c>).</summary>
    private static async Task<string> CreateTokenAsync(string config)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await TokenCommand.RunAsync(["create", "--name", "crash-test", "--scopes", "glideins", "--config", config], stdout, stderr, new Dictionary<string, string?>());
        Assert.True(exit == 0, stderr.ToString());
        return stdout.ToString().Trim();
    }

    private async Task<int> BlockedAsync(FakeCondorPool pool, string tool)
    {
        int? pid = null;
        await AwaitAssert.RunAsync(() => Assert.True((pid = pool.BlockedPid(tool)) is not null, $"{tool} never blocked"), Patience, PollEvery);
        _blockedTools.Add(pid!.Value);
        return pid.Value;
    }

    /// <summary>
    /// The glidein's state from the site's listing (answered from memory: <c>GET /v1/glideins/{id}</c>
    /// would also run condor_status and condor_q, mixing reads into the invocation log); null once it
    /// is cleaned up (the listing leaves those out).
    /// </summary>
    private static async Task<string?> ListedStateAsync(ControllerProcess controller, string id)
    {
        var (response, body) = await controller.SendAsync(HttpMethod.Get, $"/v1/glideins?site={CrashPool.Site}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.EnumerateArray().Where(g => g.GetProperty("id").GetString() == id).Select(g => g.GetProperty("state").GetString()).SingleOrDefault();
    }

    private static Task StateAsync(ControllerProcess controller, string id, string state) =>
        EventuallyAsync(() => ListedStateAsync(controller, id), s => s == state, $"glidein {id} {state}");

    private static Task GoneAsync(ControllerProcess controller, string id) =>
        EventuallyAsync(() => ListedStateAsync(controller, id), s => s is null, $"glidein {id} cleaned up");

    private static async Task EventuallyAsync(Func<Task<string?>> probe, Func<string?, bool> done, string what)
    {
        var end = DateTime.UtcNow + Patience;
        string? last;
        while (!done(last = await probe()))
        {
            Assert.True(DateTime.UtcNow < end, $"{what} did not happen within {Patience}; last state: {last ?? "(not listed)"}");
            await Task.Delay(PollEvery);
        }
    }
}
