using CondorActors.Domain.Glideins;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class HeartbeatReaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "condoractors-heartbeat-reader-" + Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _at = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public HeartbeatReaderTests() => Directory.CreateDirectory(_directory);

    private string Heartbeat => Path.Combine(_directory, "heartbeat");

    [Fact]
    public void Unchanged_file_is_read_once_and_its_heartbeat_returned_again()
    {
        HeartbeatFile.Write(Heartbeat, _at, 7);
        var reader = new HeartbeatReader(Heartbeat);

        var first = reader.Read();
        var second = reader.Read();

        Assert.Equal(new Heartbeat(_at, 7), first);
        Assert.Equal(first, second);
        Assert.Equal(1, reader.Reads);
    }

    [Fact]
    public void Replaced_file_is_read_again()
    {
        HeartbeatFile.Write(Heartbeat, _at, 7);
        var reader = new HeartbeatReader(Heartbeat);
        reader.Read();

        // Different length: within one timestamp tick the modification time alone may not move.
        HeartbeatFile.Write(Heartbeat, _at.AddSeconds(5), 1234);
        Assert.Equal(new Heartbeat(_at.AddSeconds(5), 1234), reader.Read());

        // Same length, later modification time (as a heartbeat written seconds later).
        HeartbeatFile.Write(Heartbeat, _at.AddSeconds(10), 1235);
        File.SetLastWriteTimeUtc(Heartbeat, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(new Heartbeat(_at.AddSeconds(10), 1235), reader.Read());
        Assert.Equal(3, reader.Reads);
    }

    [Fact]
    public void Vanished_file_is_no_heartbeat_and_a_new_one_is_read()
    {
        HeartbeatFile.Write(Heartbeat, _at, 7);
        var reader = new HeartbeatReader(Heartbeat);
        reader.Read();

        File.Delete(Heartbeat);
        Assert.Null(reader.Read());

        HeartbeatFile.Write(Heartbeat, _at, 7);
        Assert.Equal(new Heartbeat(_at, 7), reader.Read());
        Assert.Equal(2, reader.Reads);
    }

    [Fact]
    public void Unparsable_file_stays_no_heartbeat_until_it_changes()
    {
        File.WriteAllText(Heartbeat, "garbage\n");
        var reader = new HeartbeatReader(Heartbeat);

        Assert.Null(reader.Read());
        Assert.Null(reader.Read());
        Assert.Equal(1, reader.Reads);
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
