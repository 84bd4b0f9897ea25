using System.Text.Json.Nodes;
using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class HoconParserTests
{
    private static readonly HoconLoader Loader = new(name => HoconParserCases.Environment.GetValueOrDefault(name), _ => null);

    public static TheoryData<string> ValidNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in HoconParserCases.Valid)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static TheoryData<string> InvalidNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in HoconParserCases.Invalid)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Resolves_to_expected_json(string name)
    {
        var c = HoconParserCases.Valid.Single(v => v.Name == name);

        var resolved = Loader.ParseString(c.Hocon, "test.conf", Path.GetTempPath());

        Assert.Equal(Normalize(c.Json), Normalize(HoconJson.Render(resolved, indented: false)));
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Reports_error_with_location(string name)
    {
        var c = HoconParserCases.Invalid.Single(v => v.Name == name);

        var error = Assert.Throws<HoconException>(() => Loader.ParseString(c.Hocon, "test.conf", Path.GetTempPath()));

        Assert.Contains(c.Message, error.Problem, StringComparison.Ordinal);
        Assert.Equal(("test.conf", c.Line, c.Column), (error.Origin.Description, error.Origin.Line, error.Origin.Column));
        Assert.StartsWith($"test.conf:{c.Line}:{c.Column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_names_are_unique_and_the_table_is_large_enough()
    {
        var names = HoconParserCases.Valid.Select(c => c.Name).Concat(HoconParserCases.Invalid.Select(c => c.Name)).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.True(names.Count >= 150, $"only {names.Count} cases");
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
