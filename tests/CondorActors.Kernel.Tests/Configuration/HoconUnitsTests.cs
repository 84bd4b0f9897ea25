using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class HoconUnitsTests
{
    [Theory]
    [InlineData("5 s", 5_000)]
    [InlineData("5s", 5_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("250", 250)]
    [InlineData("250ms", 250)]
    [InlineData(" 2 minutes ", 120_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("3 seconds", 3_000)]
    [InlineData("1 millis", 1)]
    [InlineData("0", 0)]
    public void Parses_durations(string text, long milliseconds)
    {
        Assert.True(HoconUnits.TryParseDuration(text, out var d));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), d);
    }

    [Fact]
    public void Parses_sub_millisecond_durations()
    {
        Assert.True(HoconUnits.TryParseDuration("1500 us", out var micro));
        Assert.Equal(TimeSpan.FromTicks(15_000), micro);
        Assert.True(HoconUnits.TryParseDuration("100ns", out var nano));
        Assert.Equal(TimeSpan.FromTicks(1), nano);
    }

    [Theory]
    [InlineData("5 S")]
    [InlineData("5 sec")]
    [InlineData("s")]
    [InlineData("")]
    [InlineData("5 s s")]
    [InlineData("five seconds")]
    [InlineData("99999999999999 d")]
    public void Rejects_bad_durations(string text) => Assert.False(HoconUnits.TryParseDuration(text, out _));

    [Theory]
    [InlineData("512 MiB", 536_870_912L)]
    [InlineData("512M", 536_870_912L)]
    [InlineData("1 MB", 1_000_000L)]
    [InlineData("10kB", 10_000L)]
    [InlineData("10k", 10_240L)]
    [InlineData("10K", 10_240L)]
    [InlineData("1.5 GiB", 1_610_612_736L)]
    [InlineData("4096", 4_096L)]
    [InlineData("7 bytes", 7L)]
    [InlineData("2 Ti", 2_199_023_255_552L)]
    [InlineData("1 gigabyte", 1_000_000_000L)]
    [InlineData("1 mebibytes", 1_048_576L)]
    public void Parses_sizes(string text, long bytes)
    {
        Assert.True(HoconUnits.TryParseSize(text, out var b));
        Assert.Equal(bytes, b);
    }

    [Theory]
    [InlineData("1 mb")]
    [InlineData("1 KB")]
    [InlineData("1 ZiB")]
    [InlineData("MiB")]
    [InlineData("lots")]
    public void Rejects_bad_sizes(string text) => Assert.False(HoconUnits.TryParseSize(text, out _));
}
