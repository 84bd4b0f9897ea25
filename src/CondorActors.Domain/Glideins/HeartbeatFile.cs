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

    /// <summary>Longest heartbeat file read; a longer one is not a heartbeat.</summary>
    internal const int MaxBytes = 256;

    /// <summary>The last heartbeat, or null when there is none or it does not parse.</summary>
    /// <remarks>
    /// Read once per poll for every running glidein (10,000 reads per poll on a big site), so it
    /// reads into a stack buffer: no StreamReader buffers (about 5 KB per call) or split strings.
    /// </remarks>
    public static Heartbeat? TryRead(string path)
    {
        Span<byte> buffer = stackalloc byte[MaxBytes];
        int length;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = RandomAccess.Read(handle, buffer, 0);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return length < MaxBytes ? Parse(buffer[..length]) : null;
    }

    /// <summary>Parses <c>{time} {counter}</c> (surrounding white space allowed); null when it is not that.</summary>
    internal static Heartbeat? Parse(ReadOnlySpan<byte> utf8)
    {
        var line = utf8.Trim(" \t\r\n"u8);
        var space = line.IndexOf((byte)' ');
        if (space <= 0)
        {
            return null;
        }

        var counterText = line[(space + 1)..].TrimStart((byte)' ');
        Span<char> timeText = stackalloc char[space];
        if (counterText.IndexOf((byte)' ') >= 0 || System.Text.Encoding.UTF8.GetChars(line[..space], timeText) != space)
        {
            return null;
        }

        return DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && long.TryParse(counterText, NumberStyles.None, CultureInfo.InvariantCulture, out var counter)
                ? new Heartbeat(at, counter)
                : null;
    }
}

/// <summary>One heartbeat line.</summary>
public sealed record Heartbeat(DateTimeOffset At, long Counter);
