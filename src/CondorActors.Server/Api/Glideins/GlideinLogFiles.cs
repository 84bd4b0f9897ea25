using System.Text;

namespace CondorActors.Server.Api.Glideins;

/// <summary>
/// The files an operator may read of one glidein: those under its <c>log</c> (bridge logs) and
/// <c>batch</c> (batch script, stdout/stderr, heartbeat) folders, by a path relative to the
/// glidein's folder. Never its <c>config</c> (tokens, pool password) or <c>execute</c> (job
/// sandboxes). A path that is absolute, has a <c>..</c> segment or a backslash, or leads (through a
/// symbolic link anywhere on the way) outside those folders is refused.
/// </summary>
internal static class GlideinLogFiles
{
    public static readonly string[] Folders = ["log", "batch"];

    /// <summary>Longest text answered; a longer file (or tail) is cut to its end.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Most lines <c>tail</c> may ask for.</summary>
    public const int MaxTailLines = 100_000;

    /// <summary>Every regular file of the two folders (symbolic links not followed), relative to the glidein's folder.</summary>
    public static IReadOnlyList<LogFileView> List(string glideinRoot)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var files = new List<LogFileView>();
        foreach (var folder in Folders)
        {
            var directory = new DirectoryInfo(Path.Combine(glideinRoot, folder));
            if (!directory.Exists || directory.LinkTarget is not null)
            {
                continue;
            }

            foreach (var file in directory.EnumerateFiles("*", options))
            {
                files.Add(new LogFileView(Path.GetRelativePath(glideinRoot, file.FullName).Replace('\\', '/'), file.Length, file.LastWriteTimeUtc));
            }
        }

        return [.. files.OrderBy(f => f.File, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The real path of <paramref name="relative"/>; null with <paramref name="refusal"/> when it is
    /// refused, null without one when nothing is there.
    /// </summary>
    public static string? Resolve(string glideinRoot, string relative, out string? refusal)
    {
        refusal = null;
        var segments = relative.Split('/');
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\\', StringComparison.Ordinal) || relative.Any(char.IsControl)
            || segments.Any(s => s is ".." or "." or ""))
        {
            refusal = "file must be a relative path like log/StartLog.0 or batch/batch.out, without '.', '..', '\\' or empty segments.";
            return null;
        }

        if (!Folders.Contains(segments[0], StringComparer.Ordinal) || segments.Length < 2)
        {
            refusal = "file must lie inside the glidein's log/ or batch/ folder.";
            return null;
        }

        // Follow every symbolic link on the way: the real file must still be inside the real folder.
        string? allowed, real;
        try
        {
            allowed = RealPath(Path.Combine(glideinRoot, segments[0]));
            real = RealPath(Path.Combine(glideinRoot, relative));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A link cycle (too many levels of symbolic links), or a folder we may not read.
            refusal = "file cannot be followed to a readable file inside the glidein's folder.";
            return null;
        }

        if (allowed is null || real is null)
        {
            // Nothing there (or a dangling link): not found, which the caller answers with 404.
            return null;
        }

        if (!real.StartsWith(allowed + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            refusal = "file leads outside the glidein's folder.";
            return null;
        }

        return real;
    }

    /// <summary>The last <paramref name="lines"/> lines (all when null) of the file, at most <see cref="MaxBytes"/> from its end.</summary>
    public static async Task<string> ReadTailAsync(string path, int? lines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        var start = Math.Max(0, stream.Length - MaxBytes);
        stream.Seek(start, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - start];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(buffer);
        if (lines is not { } count)
        {
            return text;
        }

        var ending = text.EndsWith('\n') ? "\n" : string.Empty;
        var all = (ending.Length > 0 ? text[..^1] : text).Split('\n');
        return all.Length <= count ? text : string.Join('\n', all[^count..]) + ending;
    }

    /// <summary>The path with every symbolic link resolved, component by component; null when a part does not exist.</summary>
    private static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists)
            {
                return null;
            }

            current = info.LinkTarget is null ? next : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName is { } target ? RealPath(target) ?? string.Empty : string.Empty;
            if (current.Length == 0)
            {
                return null;
            }
        }

        return current;
    }
}
