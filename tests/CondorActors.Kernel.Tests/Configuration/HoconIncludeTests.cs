using System.Text.Json.Nodes;
using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class HoconIncludeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hocon-include-").FullName;
    private readonly HoconLoader _loader = new(_ => null, name => name == "lib/res.conf" ? "r = from-resource\nrel = ${?r}" : null);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Json(string mainRelative) => JsonNode.Parse(HoconJson.Render(_loader.ParseFile(Path.Combine(_dir, mainRelative)), false))!.ToJsonString();

    private static string N(string json) => JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public void Include_is_relative_to_the_including_file_not_the_working_directory()
    {
        Write("conf/sub/inner.conf", "x = 1");
        Write("conf/main.conf", "include \"sub/inner.conf\"\ny = 2");

        Assert.Equal(N("""{"x":1,"y":2}"""), Json("conf/main.conf"));
    }

    [Fact]
    public void Included_keys_merge_at_the_point_of_inclusion()
    {
        Write("inc.conf", "a { from-inc = 1, both = inc }\nb = inc");
        Write("main.conf", "a { before = 0, both = main-before }\ninclude \"inc.conf\"\nb = main-after");

        Assert.Equal(N("""{"a":{"before":0,"both":"inc","from-inc":1},"b":"main-after"}"""), Json("main.conf"));
    }

    [Fact]
    public void Include_inside_object_nests_keys_and_fixes_up_substitutions()
    {
        Write("foo.conf", "{ x : 10, y : ${x} }");
        Write("main.conf", "a : { include \"foo.conf\" }\na : { x : 42 }");

        Assert.Equal(N("""{"a":{"x":42,"y":42}}"""), Json("main.conf"));
    }

    [Fact]
    public void Included_substitution_falls_back_to_the_root_path()
    {
        Write("foo.conf", "port = ${base-port}");
        Write("main.conf", "base-port = 9680\nsvc { include \"foo.conf\" }");

        Assert.Equal(N("""{"base-port":9680,"svc":{"port":9680}}"""), Json("main.conf"));
    }

    [Fact]
    public void Plus_equals_in_included_file_is_relative_to_the_enclosing_object()
    {
        Write("more.conf", "items += b");
        Write("main.conf", "o { items = [a] }\no { include \"more.conf\" }");

        Assert.Equal(N("""{"o":{"items":["a","b"]}}"""), Json("main.conf"));
    }

    [Fact]
    public void Missing_non_required_include_is_ignored()
    {
        Write("main.conf", "include \"nope.conf\"\ninclude file(\"nope2.conf\")\na = 1");

        Assert.Equal(N("""{"a":1}"""), Json("main.conf"));
    }

    [Fact]
    public void Required_include_missing_names_the_include_location()
    {
        var main = Write("main.conf", "a = 1\ninclude required(\"nope.conf\")");

        var e = Assert.Throws<HoconException>(() => _loader.ParseFile(main));

        Assert.Equal((main, 2, 1), (e.Origin.Description, e.Origin.Line, e.Origin.Column));
        Assert.Contains("nope.conf", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void File_and_required_file_syntax_load()
    {
        Write("a.conf", "a = 1");
        Write("b.conf", "b = 2");
        Write("main.conf", "include file( \"a.conf\" )\ninclude required(file(\"b.conf\"))");

        Assert.Equal(N("""{"a":1,"b":2}"""), Json("main.conf"));
    }

    [Fact]
    public void Basename_include_loads_json_then_conf()
    {
        Write("both.json", """{ "k" : "json", "j" : 1 }""");
        Write("both.conf", "k = conf");
        Write("main.conf", "include \"both\"");

        Assert.Equal(N("""{"k":"conf","j":1}"""), Json("main.conf"));
    }

    [Fact]
    public void Classpath_include_reads_embedded_resources_and_missing_file_falls_back_to_resource()
    {
        Write("main.conf", "include classpath(\"lib/res.conf\")\nx { include \"lib/res.conf\" }");

        Assert.Equal(N("""{"r":"from-resource","rel":"from-resource","x":{"r":"from-resource","rel":"from-resource"}}"""), Json("main.conf"));
    }

    [Fact]
    public void Include_cycle_is_an_error()
    {
        Write("a.conf", "include \"b.conf\"");
        var b = Write("b.conf", "include \"a.conf\"");

        var e = Assert.Throws<HoconException>(() => _loader.ParseFile(Path.Combine(_dir, "a.conf")));

        Assert.Equal(b, e.Origin.Description);
        Assert.Contains("include cycle", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_array_root_is_an_error_in_the_included_file()
    {
        var inc = Write("arr.conf", "[1, 2]");
        Write("main.conf", "include \"arr.conf\"");

        var e = Assert.Throws<HoconException>(() => _loader.ParseFile(Path.Combine(_dir, "main.conf")));

        Assert.Equal((inc, 1, 1), (e.Origin.Description, e.Origin.Line, e.Origin.Column));
    }

    [Fact]
    public void Syntax_error_in_included_file_names_that_file()
    {
        var inc = Write("bad.conf", "a = 1\nb = \"unterminated");
        Write("main.conf", "include \"bad.conf\"");

        var e = Assert.Throws<HoconException>(() => _loader.ParseFile(Path.Combine(_dir, "main.conf")));

        Assert.Equal((inc, 2, 5), (e.Origin.Description, e.Origin.Line, e.Origin.Column));
    }

    [Fact]
    public void Later_source_overrides_and_can_refer_to_earlier_source()
    {
        var resolved = _loader.Load([
            HoconSource.String("a { x = 1, y = 2 }\nname = ref", "reference.conf"),
            HoconSource.String("a { y = 3 }\nlabel = ${name}-app", "app.conf"),
        ]);

        Assert.Equal(N("""{"a":{"x":1,"y":3},"name":"ref","label":"ref-app"}"""), N(HoconJson.Render(resolved, false)));
        Assert.Equal("app.conf", resolved.Find("a", "y")!.Origin.Description);
        Assert.Equal(("reference.conf", 1), (resolved.Find("a", "x")!.Origin.Description, resolved.Find("a", "x")!.Origin.Line));
    }

    [Fact]
    public void Values_keep_their_origin_line_and_environment_values_say_env()
    {
        var loader = new HoconLoader(n => n == "CA_DIR" ? "/srv" : null);

        var resolved = loader.ParseString("a = 1\n\nb {\n  c = x\n}\nd = ${CA_DIR}", "o.conf");

        Assert.Equal("o.conf:1", resolved["a"]!.Origin.ToShortString());
        Assert.Equal("o.conf:4", resolved.Find("b", "c")!.Origin.ToShortString());
        Assert.Equal("env CA_DIR", resolved["d"]!.Origin.ToShortString());
    }
}
