using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Kernel.Tests.Configuration;

/// <summary>
/// What the resolver and tokenizer share to save memory (substitution paths, memos on nodes,
/// scratch lists, the single-space node, key indexes) must not change any value.
/// </summary>
public sealed class HoconResolutionSharingTests
{
    private static string Json(string text, Func<string, string?>? resources = null) =>
        HoconJson.Render(new HoconLoader(_ => null, resources ?? (_ => null)).ParseString(text), indented: false);

    [Fact]
    public void Repeated_substitutions_in_an_included_file_are_fixed_up_each_time()
    {
        const string Included = "defaults { x = 10 }\nc = ${defaults} { z = 1 }\nd = ${defaults}\ne = ${defaults.x}";
        var json = Json(
            "defaults { x = 1 }\nsub { include classpath(\"inc.conf\") }\na = ${defaults} { y = 2 }\nb = ${defaults} { y = 3 }",
            name => name == "inc.conf" ? Included : null);

        Assert.Equal(
            "{\"defaults\":{\"x\":1},\"sub\":{\"defaults\":{\"x\":10},\"c\":{\"x\":10,\"z\":1},\"d\":{\"x\":10},\"e\":10},\"a\":{\"x\":1,\"y\":2},\"b\":{\"x\":1,\"y\":3}}",
            json);
    }

    [Fact]
    public void An_object_concatenation_spliced_into_its_field_gives_the_same_value_when_looked_up()
    {
        var json = Json("base { p = 1 }\nsite = ${base} { q = 2 }\nsite.r = 3\ncopy = ${site}\nq = ${site.q}\nbase.p = 5");

        Assert.Equal("{\"base\":{\"p\":5},\"site\":{\"p\":5,\"q\":2,\"r\":3},\"copy\":{\"p\":5,\"q\":2,\"r\":3},\"q\":2}", json);
    }

    [Fact]
    public void Whitespace_between_substitutions_is_kept_exactly()
    {
        var json = Json("x = hi\nl = [1]\na = ${x}\t \t${x} end\nb = ${x} ${x}\nc = ${l} ${l}\nd = ${x}${x}");

        Assert.Equal("{\"x\":\"hi\",\"l\":[1],\"a\":\"hi\\t \\thi end\",\"b\":\"hi hi\",\"c\":[1,1],\"d\":\"hihi\"}", json);
    }

    [Fact]
    public void An_object_with_many_substituted_keys_keeps_order_and_finds_every_key()
    {
        var text = "v = 7\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"k{i} = ${{v}}\n")) + "k5 = 8\nk99 = ${v} x\n";
        var root = new HoconLoader(_ => null, _ => null).ParseString(text);

        Assert.Equal(101, root.Count);
        Assert.Equal(["v", "k0", "k1"], root.Fields.Take(3).Select(f => f.Key));
        Assert.Equal("k99", root.Fields[^1].Key);
        Assert.Equal("8", root["k5"]!.ScalarText);
        Assert.Equal("7", root["k57"]!.ScalarText);
        Assert.Equal("7 x", Assert.IsType<HoconString>(root["k99"]).Value);
        Assert.Null(root["k100"]);
    }

    [Fact]
    public void An_optional_substitution_to_nothing_stays_undefined_wherever_it_is_used()
    {
        var json = Json("a = ${?missing}\nb = [${?missing}, 1]\nc = x ${?missing} y\nd = ${?missing} { k = 1 }");

        Assert.Equal("{\"b\":[1],\"c\":\"x  y\",\"d\":{\"k\":1}}", json);
    }
}
