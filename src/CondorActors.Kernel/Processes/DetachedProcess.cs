using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CondorActors.Kernel.Processes;

/// <summary>
/// Starts long-lived programs that must outlive the controller (glidein bridge halves): argv
/// only, through <c>posix_spawn</c> (Linux/glibc), in a new session and process group, stdin from
/// /dev/null and stdout/stderr appended to files. Unlike <see cref="System.Diagnostics.Process"/>
/// with redirected output, no pipe ties the child to the controller: when the controller exits
/// (or crashes) the child keeps running and writing its logs, and signals sent to the
/// controller's process group or terminal never reach it.
/// </summary>
/// <remarks>
/// A pid alone does not identify a process for long (pids are reused); callers keep the pid with
/// its start time (<see cref="StartTicks"/>) and act only while both match (<see cref="IsSame"/>).
/// The child is not known to .NET's child reaping, so once it exits it stays a zombie until
/// <see cref="TryReap"/> (or until the controller exits and init adopts it).
/// </remarks>
public static partial class DetachedProcess
{
    public const int SigHup = 1;

    // glibc <spawn.h>, <fcntl.h> (same values on x86_64 and aarch64).
    private const short PosixSpawnSetSigDefault = 0x04;
    private const short PosixSpawnSetSigMask = 0x08;
    private const short PosixSpawnSetSid = 0x80;
    private const int OpenReadOnly = 0;
    private const int OpenWriteCreateAppend = 0x1 | 0x40 | 0x400;
    private const uint FileMode = 0x1A4; // 0644
    private const int WaitNoHang = 1;

    // Opaque glibc structures (80, 336 and 128 bytes on 64-bit): allocated with room to spare.
    private const int OpaqueSize = 1024;

    /// <summary>Starts the program; returns its pid and start time once it runs.</summary>
    /// <exception cref="ProcessStartException">The program could not be started.</exception>
    public static (int Pid, ulong StartTicks) Start(DetachedProcessStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Detached processes need Linux (posix_spawn with POSIX_SPAWN_SETSID, /proc).");
        }

        var command = new ProcessCommand(start.Program, start.Arguments);
        var program = Resolve(start.Program, start.Environment.GetValueOrDefault("PATH"))
            ?? throw new ProcessStartException(command, new FileNotFoundException($"'{start.Program}' not found (PATH of the child: {start.Environment.GetValueOrDefault("PATH") ?? "unset"})."));

        var strings = new List<IntPtr>();
        var fileActions = Marshal.AllocHGlobal(OpaqueSize);
        var attributes = Marshal.AllocHGlobal(OpaqueSize);
        var signals = Marshal.AllocHGlobal(OpaqueSize);
        try
        {
            Check(FileActionsInit(fileActions), "posix_spawn_file_actions_init");
            Check(AttrInit(attributes), "posix_spawnattr_init");
            Check(FileActionsAddOpen(fileActions, 0, "/dev/null", OpenReadOnly, 0), "addopen stdin");
            Check(FileActionsAddOpen(fileActions, 1, start.StandardOutputPath, OpenWriteCreateAppend, FileMode), "addopen stdout");
            Check(FileActionsAddOpen(fileActions, 2, start.StandardErrorPath, OpenWriteCreateAppend, FileMode), "addopen stderr");
            Check(FileActionsAddChdir(fileActions, start.WorkingDirectory), "addchdir");

            // Nothing of the controller's (journal, sockets) leaks into the child, CLOEXEC or not.
            Check(FileActionsAddCloseFrom(fileActions, 3), "addclosefrom");

            // .NET ignores SIGPIPE and blocks signals on its threads: give the child defaults.
            Check(SigFillSet(signals), "sigfillset");
            Check(AttrSetSigDefault(attributes, signals), "setsigdefault");
            Check(SigEmptySet(signals), "sigemptyset");
            Check(AttrSetSigMask(attributes, signals), "setsigmask");
            Check(AttrSetFlags(attributes, PosixSpawnSetSid | PosixSpawnSetSigDefault | PosixSpawnSetSigMask), "setflags");

            var argv = ToNative([start.Program, .. start.Arguments], strings);
            var envp = ToNative(start.Environment.Select(p => p.Key + "=" + p.Value), strings);
            var error = Spawn(out var pid, program, fileActions, attributes, argv, envp);
            if (error != 0)
            {
                throw new ProcessStartException(command, new Win32Exception(error));
            }

            // posix_spawn returns after the exec, so /proc/PID/stat exists (unless it already died).
            return (pid, StartTicks(pid) ?? 0);
        }
        finally
        {
            _ = FileActionsDestroy(fileActions);
            _ = AttrDestroy(attributes);
            Marshal.FreeHGlobal(fileActions);
            Marshal.FreeHGlobal(attributes);
            Marshal.FreeHGlobal(signals);
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    /// <summary>Field 22 of /proc/PID/stat: start time in clock ticks after boot; null when there is no such process.</summary>
    public static ulong? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>True while <paramref name="pid"/> runs (not a zombie) AND is the process that started at <paramref name="startTicks"/>.</summary>
    public static bool IsSame(int pid, ulong startTicks) => pid > 0 && StartTicks(pid) == startTicks && ProcessTree.IsAlive(pid);

    /// <summary>
    /// Collects the exit of a child of this process that already ended (a zombie whose start time
    /// matches), so it does not linger; anything else is left alone.
    /// </summary>
    public static void TryReap(int pid, ulong startTicks)
    {
        if (pid > 0 && StartTicks(pid) == startTicks && !ProcessTree.IsAlive(pid))
        {
            _ = WaitPid(pid, IntPtr.Zero, WaitNoHang);
        }
    }

    /// <summary>
    /// True once the process has installed a handler for <paramref name="signal"/> (its bit in
    /// <c>SigCgt</c> of /proc/PID/status): before that, a signal whose default action is to
    /// terminate (SIGHUP) would kill a program that is still starting.
    /// </summary>
    public static bool Catches(int pid, int signal)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
                && (mask & (1UL << (signal - 1))) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="signal"/> to every member of process group <paramref name="processGroup"/>.</summary>
    public static bool SignalGroup(int processGroup, int signal) => processGroup > 1 && Kill(-processGroup, signal) == 0;

    /// <summary>Sends <paramref name="signal"/> to one process.</summary>
    public static bool Signal(int pid, int signal) => pid > 1 && Kill(pid, signal) == 0;

    private static string? Resolve(string program, string? path)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return (path ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    private static IntPtr[] ToNative(IEnumerable<string> values, List<IntPtr> owned)
    {
        var result = new List<IntPtr>();
        foreach (var value in values)
        {
            var native = Marshal.StringToCoTaskMemUTF8(value);
            owned.Add(native);
            result.Add(native);
        }

        result.Add(IntPtr.Zero);
        return [.. result];
    }

    private static void Check(int result, string what)
    {
        // The posix_spawn family returns the error number; sig*set return -1 and set errno.
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: {(result > 0 ? new Win32Exception(result).Message : new Win32Exception(Marshal.GetLastPInvokeError()).Message)}");
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Spawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(IntPtr fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(IntPtr fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int FileActionsAddOpen(IntPtr fileActions, int fd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int FileActionsAddChdir(IntPtr fileActions, string path);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    private static partial int FileActionsAddCloseFrom(IntPtr fileActions, int from);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttrInit(IntPtr attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttrDestroy(IntPtr attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int AttrSetFlags(IntPtr attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int AttrSetSigDefault(IntPtr attributes, IntPtr signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int AttrSetSigMask(IntPtr attributes, IntPtr signals);

    [LibraryImport("libc", EntryPoint = "sigfillset", SetLastError = true)]
    private static partial int SigFillSet(IntPtr signals);

    [LibraryImport("libc", EntryPoint = "sigemptyset", SetLastError = true)]
    private static partial int SigEmptySet(IntPtr signals);

    [LibraryImport("libc", EntryPoint = "waitpid")]
    private static partial int WaitPid(int pid, IntPtr status, int options);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

/// <summary>What <see cref="DetachedProcess.Start"/> runs: argv, the WHOLE environment (nothing is inherited), folder and log files.</summary>
public sealed record DetachedProcessStart(
    string Program,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string StandardOutputPath,
    string StandardErrorPath);
