using System.Text;
using CondorActors.Domain.Glideins;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class HeartbeatFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "condoractors-heartbeat-" + Guid.NewGuid().ToString("N"));

    public HeartbeatFileTests() => Directory.CreateDirectory(_directory);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Written_heartbeat_reads_back_with_its_time_and_counter()
    {
        var at = new DateTimeOffset(2026, 11, 21, 23, 30, 15, 123, TimeSpan.Zero);
        HeartbeatFile.Write(PathOf("heartbeat"), at, 42);

        var read = HeartbeatFile.TryRead(PathOf("heartbeat"));

        Assert.Equal(new Heartbeat(at, 42), read);
    }

    [Fact]
    public void Missing_file_or_folder_is_no_heartbeat()
    {
        Assert.Null(HeartbeatFile.TryRead(PathOf("none")));
        Assert.Null(HeartbeatFile.TryRead(Path.Combine(_directory, "no-folder", "heartbeat")));
    }

    [Theory]
    [InlineData("  2026-11-21T23:30:15Z   7 \r\n", 7)]
    [InlineData("2026-11-21T23:30:15.0000000Z 0", 0)]
    [InlineData("2026-11-21T23:30:15 9223372036854775807\n", long.MaxValue)]
    public void Heartbeat_line_with_extra_white_space_parses_as_utc(string text, long counter)
    {
        File.WriteAllText(PathOf("heartbeat"), text);

        var read = HeartbeatFile.TryRead(PathOf("heartbeat"));

        Assert.Equal(new Heartbeat(new DateTimeOffset(2026, 11, 21, 23, 30, 15, TimeSpan.Zero), counter), read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("2026-11-21T23:30:15Z")]
    [InlineData("2026-11-21T23:30:15Z 1 2")]
    [InlineData("2026-11-21T23:30:15Z -1")]
    [InlineData("2026-11-21T23:30:15Z x")]
    [InlineData("yesterday 1")]
    [InlineData(" 5")]
    [InlineData("2026-11-2\u00e9T23:30:15Z 1")]
    public void Anything_else_is_no_heartbeat(string text)
    {
        File.WriteAllText(PathOf("heartbeat"), text, new UTF8Encoding(false));

        Assert.Null(HeartbeatFile.TryRead(PathOf("heartbeat")));
    }

    [Fact]
    public void File_longer_than_a_heartbeat_line_is_no_heartbeat()
    {
        File.WriteAllText(PathOf("heartbeat"), "2026-11-21T23:30:15Z 1" + new string(' ', HeartbeatFile.MaxBytes));

        Assert.Null(HeartbeatFile.TryRead(PathOf("heartbeat")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
