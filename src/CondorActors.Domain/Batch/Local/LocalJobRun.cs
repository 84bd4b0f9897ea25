using System.Diagnostics;
using System.Globalization;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Batch.Local;

/// <summary>One job run by this adapter: waits for a slot, starts the script, pumps its output to files, records its exit.</summary>
internal sealed class LocalJobRun(LocalJobFiles files, BatchJobRequest request, LocalSiteOptions options, SemaphoreSlim slots, TimeProvider timeProvider)
{
    private const string SetsidPath = "/usr/bin/setsid";
    private static readonly string[] PassedEnvironment = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "TMPDIR"];

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _walltime = new();
    private Process? _process;
    private bool _ending;

    public async Task RunAsync()
    {
        await slots.WaitAsync().ConfigureAwait(false);
        try
        {
            using var process = Start();
            if (process is null)
            {
                return;
            }

            var pumps = Task.WhenAll(
                PumpAsync(process.StandardOutput.BaseStream, request.StandardOutputPath ?? files.DefaultOutputPath),
                PumpAsync(process.StandardError.BaseStream, request.StandardErrorPath ?? files.DefaultErrorPath));
            if (request.Walltime is { } walltime)
            {
                _ = Task.Delay(walltime, timeProvider, _walltime.Token).ContinueWith(
                    _ => EndAsync(LocalStates.Timeout), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);

            // The process object is disposed when this method returns; a cancel arriving after
            // that must see "already exited", not a disposed object.
            lock (_gate)
            {
                _process = null;
            }

            await pumps.ConfigureAwait(false);
            await _walltime.CancelAsync().ConfigureAwait(false);
            _walltime.Dispose();
            files.WriteExit(process.ExitCode);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Ends the job (cancel or walltime): a pending job never starts, a running one loses its whole tree.</summary>
    public async Task EndAsync(string reason)
    {
        int pid;
        lock (_gate)
        {
            if (_ending)
            {
                return;
            }

            _ending = true;
            files.WriteEnded(reason);

            // An exited (reaped) process's pid may already belong to someone else: never signal it.
            if (_process is null || _process.HasExited)
            {
                return;
            }

            pid = _process.Id;
        }

        await KillTreeAsync(pid, options.KillGracePeriod).ConfigureAwait(false);
    }

    public static async Task KillTreeAsync(int pid, TimeSpan grace)
    {
        // Remember the tree first: children re-parented when their parent dies are otherwise lost.
        var tree = ProcessTree.Enumerate(pid);
        ProcessTree.Signal(pid, ProcessTree.SigTerm);
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && tree.Any(ProcessTree.IsAlive))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        foreach (var member in tree.Where(ProcessTree.IsAlive))
        {
            ProcessTree.Signal(member, ProcessTree.SigKill);
        }
    }

    /// <summary>True when pid is alive and still the process we started (its start time matches: pids are reused).</summary>
    public static bool IsSameProcess(int pid, ulong startTicks) => ProcessTree.IsAlive(pid) && StartTicks(pid) == startTicks;

    /// <summary>Field 22 of /proc/PID/stat: start time in clock ticks after boot.</summary>
    public static ulong? StartTicks(int pid) => DetachedProcess.StartTicks(pid);

    private Process? Start()
    {
        lock (_gate)
        {
            if (_ending)
            {
                // Cancelled while pending: it never runs.
                return null;
            }

            var useSetsid = options.NewSession && File.Exists(SetsidPath);
            var startInfo = new ProcessStartInfo(useSetsid ? SetsidPath : files.ScriptPath)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = request.WorkingDirectory ?? files.Directory,
            };
            if (useSetsid)
            {
                // Not a process-group leader, so setsid execs in place: the pid stays the script's.
                startInfo.ArgumentList.Add(files.ScriptPath);
            }

            startInfo.Environment.Clear();
            foreach (var name in PassedEnvironment)
            {
                if (Environment.GetEnvironmentVariable(name) is { } value)
                {
                    startInfo.Environment[name] = value;
                }
            }

            startInfo.Environment["CONDORACTORS_JOB_ID"] = files.JobId;
            var process = Process.Start(startInfo)!;
            process.StandardInput.Close();
            files.WritePid(process.Id, StartTicks(process.Id) ?? 0);
            _process = process;
            return process;
        }
    }

    private static async Task PumpAsync(Stream source, string path)
    {
        await using var target = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await source.CopyToAsync(target).ConfigureAwait(false);
    }
}
