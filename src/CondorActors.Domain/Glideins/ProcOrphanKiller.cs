using System.Globalization;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// Finds orphaned job processes through <c>/proc/PID/cwd</c> (Linux): any process of this user
/// whose working directory lies inside the glidein's execute folder, and kills its tree.
/// Elsewhere (or without permission to read a process's cwd) nothing is found.
/// </summary>
public sealed class ProcOrphanKiller : IOrphanKiller
{
    public Task<int> KillOrphansAsync(string executeDirectory, CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return Task.FromResult(0);
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(executeDirectory));
        var killed = 0;
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string? cwd;
            try
            {
                cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (cwd is not null && (cwd == root || cwd.StartsWith(root + "/", StringComparison.Ordinal)))
            {
                ProcessTree.Signal(pid, ProcessTree.SigKill);
                killed++;
            }
        }

        return Task.FromResult(killed);
    }
}
