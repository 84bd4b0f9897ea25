using System.Globalization;
using System.Runtime.InteropServices;

namespace CondorActors.Kernel.Processes;

/// <summary>
/// Signals a process and all its descendants, found through /proc on Linux. Descendants are
/// stopped (SIGSTOP) before they are signalled so that a tree cannot fork faster than it is
/// killed; processes that already left the tree (re-parented to init) are out of reach, which is
/// why long-lived trees (glidein bridge halves) also record their pids.
/// </summary>
public static partial class ProcessTree
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigStop = 19;
    public const int SigCont = 18;

    /// <summary>The pid and every descendant of it currently alive, root first.</summary>
    public static IReadOnlyList<int> Enumerate(int rootPid)
    {
        var childrenByParent = new Dictionary<int, List<int>>();
        if (OperatingSystem.IsLinux())
        {
            foreach (var (pid, parent) in ReadParentPids())
            {
                if (!childrenByParent.TryGetValue(parent, out var list))
                {
                    childrenByParent[parent] = list = [];
                }

                list.Add(pid);
            }
        }

        var result = new List<int> { rootPid };
        for (var i = 0; i < result.Count; i++)
        {
            if (childrenByParent.TryGetValue(result[i], out var children))
            {
                result.AddRange(children.Where(c => !result.Contains(c)));
            }
        }

        return result;
    }

    /// <summary>Sends a signal to the whole tree; SIGKILL freezes the tree first so no fork escapes.</summary>
    public static void Signal(int rootPid, int signal)
    {
        if (signal == SigKill)
        {
            // Freeze, re-enumerate until the tree is stable, then kill everything we found.
            var frozen = new HashSet<int>();
            for (var round = 0; round < 5; round++)
            {
                var tree = Enumerate(rootPid);
                var added = tree.Where(frozen.Add).ToList();
                foreach (var pid in added)
                {
                    _ = SendSignal(pid, SigStop);
                }

                if (added.Count == 0)
                {
                    break;
                }
            }

            foreach (var pid in frozen)
            {
                _ = SendSignal(pid, SigKill);
            }

            return;
        }

        foreach (var pid in Enumerate(rootPid))
        {
            _ = SendSignal(pid, signal);
        }
    }

    /// <summary>True while the process exists and is not a zombie (read from /proc, not kill -0).</summary>
    public static bool IsAlive(int pid)
    {
        var state = ReadState(pid);
        return state is not null && state != 'Z' && state != 'X';
    }

    private static char? ReadState(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.Length ? null : stat[afterName + 2];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<(int Pid, int Parent)> ReadParentPids()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // Format: pid (comm) state ppid ...; comm may contain spaces and parentheses.
            var afterName = stat.LastIndexOf(')');
            var fields = stat[(afterName + 2)..].Split(' ', 3);
            if (fields.Length >= 2 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                yield return (pid, parent);
            }
        }
    }

    private static bool SendSignal(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
