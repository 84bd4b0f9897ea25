using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class HoconOriginTests
{
    private static readonly HoconLoader Loader = new(_ => null, _ => null);

    [Fact]
    public void Origin_keeps_description_line_and_column()
    {
        var origin = new HoconOrigin("site.conf", 12, 7);

        Assert.Equal(("site.conf", 12, 7), (origin.Description, origin.Line, origin.Column));
        Assert.Equal(new HoconOrigin("site.conf", 12, 7), origin);
        Assert.NotEqual(new HoconOrigin("site.conf", 12, 8), origin);
        Assert.NotEqual(new HoconOrigin("other.conf", 12, 7), origin);
        Assert.Equal("site.conf:12:7", origin.ToString());
        Assert.Equal("site.conf:12", origin.ToShortString());
    }

    [Fact]
    public void Default_origin_has_no_description()
    {
        var origin = default(HoconOrigin);

        Assert.Null(origin.Description);
        Assert.Equal((0, 0), (origin.Line, origin.Column));
    }

    [Fact]
    public void Origin_too_large_to_pack_keeps_its_numbers_and_equality()
    {
        var wide = new HoconOrigin("big.conf", 1 << 25, (1 << 21) + 3);
        var negative = new HoconOrigin("big.conf", -1, 0);

        Assert.Equal(("big.conf", 1 << 25, (1 << 21) + 3), (wide.Description, wide.Line, wide.Column));
        Assert.Equal(new HoconOrigin("big.conf", 1 << 25, (1 << 21) + 3), wide);
        Assert.Equal(new HoconOrigin("big.conf", 1 << 25, (1 << 21) + 3).GetHashCode(), wide.GetHashCode());
        Assert.NotEqual(new HoconOrigin("big.conf", 1 << 25, 1), wide);
        Assert.Equal(-1, negative.Line);
        Assert.Equal("big.conf", negative.ToString());
    }

    [Fact]
    public void Value_past_column_one_million_reports_its_column()
    {
        var padding = new string(' ', 1 << 20);

        var resolved = Loader.ParseString(padding + "a = 1\nb = 2", "wide.conf", Path.GetTempPath());

        Assert.Equal(("wide.conf", 1, (1 << 20) + 5), (resolved["a"]!.Origin.Description, resolved["a"]!.Origin.Line, resolved["a"]!.Origin.Column));
        Assert.Equal((2, 5), (resolved["b"]!.Origin.Line, resolved["b"]!.Origin.Column));
    }

    [Fact]
    public void Object_concatenations_merge_without_changing_the_shared_object()
    {
        const string hocon = """
            d = { p = 1, n { x = 1 } }
            s1 = ${d} { q = 2, n { y = 2 } }
            s1.r = 3
            s2 = ${d} { q = 5 }
            s1 = ${s1} { w = 4 }
            c = ${s1}
            """;

        var resolved = Loader.ParseString(hocon, "concat.conf", Path.GetTempPath());

        Assert.Equal("""{"d":{"p":1,"n":{"x":1}},"s1":{"p":1,"n":{"x":1,"y":2},"q":2,"r":3,"w":4},"s2":{"p":1,"n":{"x":1},"q":5},"c":{"p":1,"n":{"x":1,"y":2},"q":2,"r":3,"w":4}}""", HoconJson.Render(resolved, indented: false));
        Assert.Equal(5, resolved.Find("s1")!.Origin.Line);
        Assert.Equal(3, resolved.Find("s1", "r")!.Origin.Line);
        Assert.Equal(1, resolved.Find("s2", "p")!.Origin.Line);
    }
}
