using System.Text.Json;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdTests
{
    [Fact]
    public void Names_are_case_insensitive_and_keep_their_first_spelling()
    {
        var ad = new ClassAd();
        ad.Set("RequestMemory", ClassAdValue.FromInteger(1));
        ad.Set("requestmemory", ClassAdValue.FromInteger(2));

        Assert.Equal(1, ad.Count);
        Assert.Equal(["RequestMemory"], ad.Names);
        Assert.Equal(ClassAdValue.FromInteger(2), ad.Evaluate("REQUESTMEMORY"));
    }

    [Fact]
    public void Lookups_work_past_the_index_threshold_and_after_removal()
    {
        var ad = new ClassAd();
        for (var i = 0; i < 20; i++)
        {
            ad.Set($"Attr{i}", ClassAdValue.FromInteger(i));
        }

        Assert.True(ad.Remove("attr3"));
        Assert.False(ad.Remove("attr3"));

        Assert.Equal(19, ad.Count);
        Assert.Equal(ClassAdValue.FromInteger(19), ad.Evaluate("ATTR19"));
        Assert.Equal(ClassAdValue.Undefined, ad.Evaluate("Attr3"));
        Assert.Equal("Attr4", ad.Names.ElementAt(3));
    }

    [Fact]
    public void Projection_keeps_requested_existing_attributes_in_request_order()
    {
        var ad = ClassAd.Parse("[ ClusterId = 1; ProcId = 0; Owner = \"u\"; Cmd = \"/bin/true\" ]");

        var projected = ad.Project(["owner", "clusterid", "NoSuch", "OWNER"]);

        Assert.Equal(["Owner", "ClusterId"], projected.Names);
        Assert.Equal(4, ad.Count);
    }

    [Fact]
    public void Indexer_sets_and_removes()
    {
        var ad = new ClassAd { ["A"] = ClassAdExpr.Parse("1 + 1") };

        Assert.Equal(ClassAdValue.FromInteger(2), ad.Evaluate("a"));
        ad["a"] = null;
        Assert.Null(ad["A"]);
        Assert.Equal(0, ad.Count);
    }

    [Fact]
    public void Prints_and_parses_as_record_text()
    {
        var ad = ClassAd.Parse("[ A = 1; 'b c' = \"x\"; D = A + 1 ]");

        Assert.Equal("[ A = 1; 'b c' = \"x\"; D = A + 1 ]", ad.ToString());
        Assert.True(ad.ContentEquals(ClassAd.Parse(ad.ToString())));
        Assert.Throws<ClassAdParseException>(() => ClassAd.Parse("1 + 2"));
    }

    [Fact]
    public void Clone_is_independent()
    {
        var ad = ClassAd.Parse("[ A = 1 ]");
        var copy = ad.Clone();

        copy.Set("A", ClassAdValue.FromInteger(2));

        Assert.Equal(ClassAdValue.FromInteger(1), ad.Evaluate("A"));
        Assert.False(ad.ContentEquals(copy));
    }

    [Fact]
    public void Concurrent_readers_of_a_json_ad_agree()
    {
        var ad = ClassAdJsonTests.Load("condor_q_-json.out")[0];

        var results = new ClassAdValue[64];
        Parallel.For(0, results.Length, i => results[i] = ad.Evaluate("RequestMemory"));

        Assert.All(results, r => Assert.Equal(ClassAdValue.FromInteger(1), r));
    }

    [Theory]
    [InlineData("\"plain\"", "\"plain\"")]
    [InlineData("\"with \\\"quotes\\\" and \\\\ backslash\"", "\"with \\\"quotes\\\" and \\\\ backslash\"")]
    [InlineData("\"line\\nbreak\"", "\"line\\nbreak\"")]
    [InlineData("\"ctl\\u0001\"", "\"ctl\\001\"")]
    [InlineData("42", "42")]
    [InlineData("-3", "-3")]
    [InlineData("2.5", "2.5")]
    [InlineData("3.0", "3.0")]
    [InlineData("1e400", "real(\"INF\")")]
    [InlineData("true", "true")]
    [InlineData("null", "undefined")]
    [InlineData("[1, \"a\"]", "{ 1, \"a\" }")]
    [InlineData("[]", "{}")]
    [InlineData("{\"a\": 1, \"b c\": [true]}", "[ a = 1; 'b c' = { true } ]")]
    public void Renders_json_values_as_classad_literals(string json, string literal)
    {
        using var doc = JsonDocument.Parse(json);

        var text = ClassAdLiteral.FromJson(doc.RootElement);

        Assert.Equal(literal, text);
        Assert.True(ClassAdExpression.TryParse(text, out _, out _));
    }

    [Theory]
    [InlineData("x\" || true || \"")]
    [InlineData("a\\\"; Requirements = true; \"")]
    [InlineData("\n+Owner = \"root\"\n")]
    public void Quoted_literals_cannot_inject_expressions(string hostile)
    {
        var literal = ClassAdLiteral.Quote(hostile);

        var parsed = Assert.IsType<LiteralExpr>(ClassAdExpr.Parse(literal));
        Assert.Equal(ClassAdValue.FromString(hostile), parsed.Value);
        Assert.DoesNotContain('\n', literal);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(-0.0)]
    [InlineData(1e-300)]
    [InlineData(123456789.123)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    public void Reals_print_as_reals_that_read_back_exactly(double value)
    {
        var text = ClassAdValue.FromReal(value).ToString();

        var parsed = ClassAdExpr.Parse(text).Evaluate();

        Assert.Equal(ClassAdValueKind.Real, parsed.Kind);
        Assert.Equal(value, parsed.TryGetReal(out var r) ? r : double.NaN);
    }
}
