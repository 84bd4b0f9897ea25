using System.Globalization;

namespace CondorActors.Domain.Batch.Local;

/// <summary>
/// One job's folder: <c>job</c> (tag and name), <c>script</c>, <c>pid</c> ("pid starttime"),
/// <c>exit</c> (exit code, written when the process ended), <c>ended</c> (why the adapter ended it:
/// CANCELLED or TIMEOUT), and default <c>stdout</c>/<c>stderr</c>. Small files, each written
/// whole (temp file + rename), so a reader never sees half of one.
/// </summary>
internal sealed class LocalJobFiles(string directory)
{
    public string Directory { get; } = directory;

    public string JobId => Path.GetFileName(Directory);

    public string ScriptPath => Path.Combine(Directory, "script");

    public string DefaultOutputPath => Path.Combine(Directory, "stdout");

    public string DefaultErrorPath => Path.Combine(Directory, "stderr");

    public (string Tag, string Name)? ReadJob() =>
        Read("job") is { } text && text.Split('\n') is [var tag, var name, ..] ? (tag, name) : null;

    public void WriteJob(string tag, string name) => Write("job", tag + "\n" + name + "\n");

    public (int Pid, ulong StartTicks)? ReadPid() =>
        Read("pid") is { } text && text.Trim().Split(' ') is [var pid, var ticks] &&
        int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) &&
        ulong.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            ? (p, t)
            : null;

    public void WritePid(int pid, ulong startTicks) => Write("pid", string.Create(CultureInfo.InvariantCulture, $"{pid} {startTicks}\n"));

    public int? ReadExit() =>
        Read("exit") is { } text && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : null;

    public void WriteExit(int exitCode) => Write("exit", exitCode.ToString(CultureInfo.InvariantCulture) + "\n");

    public string? ReadEnded() => Read("ended")?.Trim();

    public void WriteEnded(string state) => Write("ended", state + "\n");

    public DateTimeOffset? Modified(string file) =>
        File.Exists(Path.Combine(Directory, file)) ? File.GetLastWriteTimeUtc(Path.Combine(Directory, file)) : null;

    private string? Read(string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Directory, file));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private void Write(string file, string text)
    {
        var temporary = Path.Combine(Directory, "." + file + ".tmp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, Path.Combine(Directory, file), overwrite: true);
    }
}
