using System.Globalization;

namespace CondorActors.Domain.Glideins;

/// <summary>
/// The HPC half's heartbeat: one line <c>{UTC time ISO 8601} {counter}</c>, replaced atomically
/// (written to a temporary file in the same folder, then renamed over the old one) so a reader
/// on the shared filesystem never sees a half-written line.
/// </summary>
public static class HeartbeatFile
{
    public static void Write(string path, DateTimeOffset at, long counter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:O} {counter}\n"));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The last heartbeat, or null when there is none or it does not parse.</summary>
    public static Heartbeat? TryRead(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var counter)
                ? new Heartbeat(at, counter)
                : null;
    }
}

/// <summary>One heartbeat line.</summary>
public sealed record Heartbeat(DateTimeOffset At, long Counter);
