using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Kernel.Tests.Configuration;

/// <summary>Short escaped strings and folded literal concatenations are shared like plain tokens, without changing their text.</summary>
public sealed class HoconStringSharingTests
{
    private static readonly HoconLoader Loader = new(_ => null, _ => null);

    [Fact]
    public void Equal_short_escaped_strings_share_one_string_and_keep_their_text()
    {
        var root = Loader.ParseString("a = \"say \\\"hi\\\"\\t!\"\nb = \"say \\\"hi\\\"\\t!\"\nc = \"say \\\"ho\\\"\\t!\"");

        var a = Assert.IsType<HoconString>(root["a"]).Value;
        var b = Assert.IsType<HoconString>(root["b"]).Value;
        Assert.Equal("say \"hi\"\t!", a);
        Assert.Same(a, b);
        Assert.Equal("say \"ho\"\t!", Assert.IsType<HoconString>(root["c"]).Value);
    }

    [Fact]
    public void Equal_folded_literals_share_one_string_and_long_ones_stay_whole()
    {
        var longText = string.Join(' ', Enumerable.Repeat("word", 10));
        var root = Loader.ParseString($"a = 2 minutes\nb = 2  minutes\nc = 2 minutes\nd = {longText}\ne = {longText}");

        var a = Assert.IsType<HoconString>(root["a"]).Value;
        Assert.Equal("2 minutes", a);
        Assert.Equal("2  minutes", Assert.IsType<HoconString>(root["b"]).Value);
        Assert.Same(a, Assert.IsType<HoconString>(root["c"]).Value);
        Assert.Equal(longText, Assert.IsType<HoconString>(root["d"]).Value);
        Assert.Equal(longText, Assert.IsType<HoconString>(root["e"]).Value);
    }
}
