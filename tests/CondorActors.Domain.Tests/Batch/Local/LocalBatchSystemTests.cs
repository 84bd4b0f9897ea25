using System.Globalization;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Local;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Batch.Local;

public sealed class LocalBatchSystemTests : IAsyncLifetime
{
    private static readonly BatchJobTag Tag = new("local");
    private readonly string _directory = Directory.CreateTempSubdirectory("condoractors-local-").FullName;
    private readonly List<LocalBatchSystem> _adapters = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var adapter in _adapters)
        {
            foreach (var job in (await adapter.GetStatusAsync()).Jobs.Values.Where(j => !j.IsFinal))
            {
                await adapter.CancelAsync(job.JobId);
            }

            // Jobs write their exit file last: wait for it so the folder can be removed.
            await WaitAsync(adapter, s => s.Jobs.Values.All(j => j.IsFinal));
            await adapter.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_script_runs_to_completion_with_its_output_and_exit_code()
    {
        var adapter = Create();

        var ok = await adapter.SubmitAsync(Script("ok", "echo hello from $CONDORACTORS_JOB_ID\nexit 0"));
        var failing = await adapter.SubmitAsync(Script("failing", "echo oops >&2\nexit 3"));
        var snapshot = await WaitAsync(adapter, s => s.Jobs[ok].IsFinal && s.Jobs[failing].IsFinal);

        Assert.Equal((BatchJobState.Completed, "COMPLETED", 0), (snapshot.Jobs[ok].State, snapshot.Jobs[ok].RawState, snapshot.Jobs[ok].ExitCode));
        Assert.Equal((BatchJobState.Failed, "FAILED", 3), (snapshot.Jobs[failing].State, snapshot.Jobs[failing].RawState, snapshot.Jobs[failing].ExitCode));
        Assert.Equal($"hello from {ok}\n", File.ReadAllText(Path.Combine(_directory, ok, "stdout")));
        Assert.Equal("oops\n", File.ReadAllText(Path.Combine(_directory, failing, "stderr")));
        Assert.Equal("local-ok", snapshot.Jobs[ok].Name);
        Assert.NotNull(snapshot.Jobs[ok].EndTime);
    }

    [Fact]
    public async Task Jobs_beyond_the_slots_are_pending_and_cancel_kills_the_whole_tree()
    {
        var adapter = Create(maxRunning: 1);
        var childPidFile = Path.Combine(_directory, "child.pid");

        var running = await adapter.SubmitAsync(Script("running", $"sleep 300 &\necho $! > {childPidFile}\nwait"));
        var pending = await adapter.SubmitAsync(Script("pending", "exit 0"));
        await WaitAsync(adapter, s => s.Jobs[running].State == BatchJobState.Running && File.Exists(childPidFile));
        var before = await adapter.GetStatusAsync();
        await adapter.CancelAsync(pending);
        await adapter.CancelAsync(running);
        var after = await WaitAsync(adapter, s => s.Jobs[running].IsFinal);

        Assert.Equal(BatchJobState.Pending, before.Jobs[pending].State);
        Assert.Equal((BatchJobState.Cancelled, 15), (after.Jobs[running].State, after.Jobs[running].Signal));
        Assert.Equal(BatchJobState.Cancelled, after.Jobs[pending].State);
        Assert.False(ProcessTree.IsAlive(int.Parse(File.ReadAllText(childPidFile).Trim(), CultureInfo.InvariantCulture)));
        Assert.False(File.Exists(Path.Combine(_directory, pending, "pid")));
    }

    [Fact]
    public async Task A_job_past_its_walltime_is_killed_as_timeout()
    {
        var adapter = Create();

        var job = await adapter.SubmitAsync(Script("slow", "exec sleep 300") with { Walltime = TimeSpan.FromMilliseconds(300) });
        var snapshot = await WaitAsync(adapter, s => s.Jobs[job].IsFinal);

        Assert.Equal((BatchJobState.Timeout, "TIMEOUT"), (snapshot.Jobs[job].State, snapshot.Jobs[job].RawState));
    }

    [Fact]
    public async Task A_new_adapter_finds_running_and_finished_jobs_and_vanished_ones()
    {
        var first = Create();
        var done = await first.SubmitAsync(Script("done", "exit 0"));
        var running = await first.SubmitAsync(Script("running", "exec sleep 300"));
        await WaitAsync(first, s => s.Jobs[done].IsFinal && s.Jobs[running].State == BatchJobState.Running);

        // A job whose process ended while no adapter watched: pid recorded, no exit file.
        var orphan = Path.Combine(_directory, "20260101000000000-abcdef");
        Directory.CreateDirectory(orphan);
        File.WriteAllText(Path.Combine(orphan, "job"), "local\nlocal-orphan\n");
        File.WriteAllText(Path.Combine(orphan, "pid"), "999999 1\n");

        var second = Create();
        var snapshot = await second.GetStatusAsync(["20250101000000000-000000"]);

        Assert.Equal(BatchJobState.Completed, snapshot.Jobs[done].State);
        Assert.Equal(BatchJobState.Running, snapshot.Jobs[running].State);
        Assert.Equal(BatchJobState.Vanished, snapshot.Jobs["20260101000000000-abcdef"].State);
        Assert.Equal(BatchJobState.Vanished, snapshot.Jobs["20250101000000000-000000"].State);

        await second.CancelAsync(running);
        var pid = int.Parse(File.ReadAllText(Path.Combine(_directory, running, "pid")).Split(' ')[0], CultureInfo.InvariantCulture);
        await WaitAsync(second, s => s.Jobs[running].IsFinal);
        Assert.False(ProcessTree.IsAlive(pid));
    }

    [Fact]
    public async Task Jobs_of_another_tag_in_the_same_folder_are_not_listed()
    {
        var mine = Create();
        var theirs = new LocalBatchSystem(new LocalSiteOptions { Tag = new BatchJobTag("other"), StateDirectory = _directory });
        _adapters.Add(theirs);

        var id = await theirs.SubmitAsync(Script("x", "exit 0"));

        Assert.DoesNotContain(id, (await mine.GetStatusAsync()).Jobs.Keys);
        Assert.Contains(id, (await theirs.GetStatusAsync()).Jobs.Keys);
    }

    [Fact]
    public void The_state_table_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "batch-systems.md"));

        Assert.All(LocalStates.Table.Rows, row => Assert.Contains($"| `{row.Raw}` | {row.State} |", doc, StringComparison.Ordinal));
    }

    private static BatchJobRequest Script(string name, string body) => new($"#!/bin/bash\n{body}\n", name);

    private LocalBatchSystem Create(int maxRunning = 4)
    {
        var adapter = new LocalBatchSystem(new LocalSiteOptions
        {
            Tag = Tag,
            StateDirectory = _directory,
            MaxRunning = maxRunning,
            KillGracePeriod = TimeSpan.FromSeconds(2),
        });
        _adapters.Add(adapter);
        return adapter;
    }

    private static async Task<BatchStatusSnapshot> WaitAsync(LocalBatchSystem adapter, Func<BatchStatusSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var snapshot = await adapter.GetStatusAsync();
            if (condition(snapshot))
            {
                return snapshot;
            }

            Assert.True(DateTime.UtcNow < deadline, "not reached in 20 s: " + string.Join("; ", snapshot.Jobs.Values));
            await Task.Delay(50);
        }
    }
}
