using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Batch.Local;

/// <summary>
/// Runs batch scripts as local processes (development, tests, the embedded default) behind the
/// same interface as the real batch systems. Every job has a folder under
/// <see cref="LocalSiteOptions.StateDirectory"/>; status is read from those folders (no process
/// runs), so a new adapter on the same folder finds every job: running ones by pid and start
/// time, finished ones by their exit file, and ones whose process ended while no adapter watched
/// it as Vanished.
/// </summary>
/// <remarks>
/// Jobs are started with <see cref="System.Diagnostics.Process"/> rather than the process runner:
/// they run for hours and their output goes to files, while the runner buffers output for
/// commands. Jobs get a minimal environment (PATH, HOME, USER, LANG, TMPDIR), not the
/// controller's, which may hold credentials.
/// </remarks>
public sealed partial class LocalBatchSystem : IBatchSystem, IAsyncDisposable
{
    private readonly LocalSiteOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, LocalJobRun> _owned = new(StringComparer.Ordinal);

    public LocalBatchSystem(LocalSiteOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRunning, 1);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _slots = new SemaphoreSlim(options.MaxRunning);
        Directory.CreateDirectory(options.StateDirectory);
    }

    public string Kind => "local";

    public Task<string> SubmitAsync(BatchJobRequest request, CancellationToken cancellationToken = default)
    {
        var name = _options.Tag.JobName(request.Name);
        if (!request.ExtraDirectives.IsDefaultOrEmpty)
        {
            throw new BatchRequestException("The local batch system takes no extra directives.");
        }

        // Sortable, unique across restarts and adapters sharing the folder.
        var jobId = string.Create(CultureInfo.InvariantCulture, $"{_timeProvider.GetUtcNow():yyyyMMddHHmmssfff}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
        var files = new LocalJobFiles(Path.Combine(_options.StateDirectory, jobId));
        Directory.CreateDirectory(files.Directory);
        File.WriteAllText(files.ScriptPath, request.Script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(files.ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Owned before the job file makes the folder listable: a status read in between would
        // find a job of ours that is neither owned nor started and report it Vanished ("never
        // started"), which the glidein that is submitting it takes for its death.
        var run = new LocalJobRun(files, request, _options, _slots, _timeProvider);
        _owned[jobId] = run;
        files.WriteJob(_options.Tag.Value, name);
        _ = run.RunAsync().ContinueWith(_ => _owned.TryRemove(jobId, out LocalJobRun? _), TaskScheduler.Default);
        return Task.FromResult(jobId);
    }

    public Task<BatchStatusSnapshot> GetStatusAsync(IReadOnlyCollection<string>? expectedJobIds = null, CancellationToken cancellationToken = default)
    {
        var jobs = ImmutableDictionary.CreateBuilder<string, BatchJobStatus>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(_options.StateDirectory))
        {
            var files = new LocalJobFiles(directory);
            if (files.ReadJob() is { } job && job.Tag == _options.Tag.Value)
            {
                jobs[files.JobId] = Status(files, job.Name);
            }
        }

        foreach (var id in expectedJobIds ?? [])
        {
            if (!jobs.ContainsKey(id))
            {
                jobs[id] = new BatchJobStatus(id, BatchJobState.Vanished, string.Empty)
                {
                    Reason = "no job folder in " + _options.StateDirectory,
                    Source = BatchStatusSource.Inferred,
                };
            }
        }

        return Task.FromResult(new BatchStatusSnapshot(_timeProvider.GetUtcNow(), jobs.ToImmutable()));
    }

    public async Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var files = new LocalJobFiles(Path.Combine(_options.StateDirectory, jobId));
        if (!Directory.Exists(files.Directory) || files.ReadExit() is not null)
        {
            return;
        }

        if (_owned.TryGetValue(jobId, out var run))
        {
            await run.EndAsync(LocalStates.Cancelled).ConfigureAwait(false);
            return;
        }

        // A job started by an earlier adapter: kill it if it is still the same process.
        if (files.ReadEnded() is null)
        {
            files.WriteEnded(LocalStates.Cancelled);
        }

        if (files.ReadPid() is { } pid && LocalJobRun.IsSameProcess(pid.Pid, pid.StartTicks))
        {
            await LocalJobRun.KillTreeAsync(pid.Pid, _options.KillGracePeriod).ConfigureAwait(false);
        }
    }

    /// <summary>Stops watching; running jobs keep running and are found again by the next adapter.</summary>
    public ValueTask DisposeAsync()
    {
        _slots.Dispose();
        return ValueTask.CompletedTask;
    }

    private BatchJobStatus Status(LocalJobFiles files, string name)
    {
        // Ownership first: a run writes its exit file before it stops being owned, so a job that
        // ends during this read is seen ended or still owned, never neither (which reads as Vanished).
        var owned = _owned.ContainsKey(files.JobId);
        var ended = files.ReadEnded();
        var exit = files.ReadExit();
        var pid = files.ReadPid();
        var status = new BatchJobStatus(files.JobId, BatchJobState.Unknown, string.Empty)
        {
            Name = name,
            StartTime = files.Modified("pid"),
            NodeList = pid is null ? null : Environment.MachineName,
        };

        if (exit is { } code)
        {
            var raw = ended ?? (code == 0 ? LocalStates.Completed : LocalStates.Failed);

            // .NET reports a process killed by signal N as 128+N; only our own kills are known to be signals.
            int? signal = ended is not null && code > 128 ? code - 128 : null;
            return status with
            {
                State = LocalStates.Table.Map(raw),
                RawState = raw,
                ExitCode = signal is null ? code : null,
                Signal = signal,
                EndTime = files.Modified("exit"),
                Source = BatchStatusSource.CompletionRecord,
            };
        }

        if (pid is { } p && (owned || IsSameProcessSafe(p)))
        {
            return status with { State = BatchJobState.Running, RawState = LocalStates.Running };
        }

        if (pid is null && owned)
        {
            return status with { State = BatchJobState.Pending, RawState = LocalStates.Pending, Reason = "waiting for a free slot" };
        }

        if (ended is not null)
        {
            return status with { State = LocalStates.Table.Map(ended), RawState = ended, Reason = "ended by an earlier adapter; no exit code recorded" };
        }

        return status with
        {
            State = BatchJobState.Vanished,
            Reason = pid is null ? "never started: the adapter that queued it stopped" : "process gone and no exit code recorded: the adapter that ran it stopped",
            Source = BatchStatusSource.Inferred,
        };
    }

    private static bool IsSameProcessSafe((int Pid, ulong StartTicks) pid) => LocalJobRun.IsSameProcess(pid.Pid, pid.StartTicks);
}
