using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdEvaluatorTests
{
    private static readonly ClassAd Ad = ClassAd.Parse("""
        [ Memory = 2048; Cpus = 4; Name = "slot1@host"; Owner = "Alice"; Ratio = 2.5; Flag = true;
          Nums = { 1, 2, 3 }; Rec = [ x = 1; y = x + 1; z = Memory ]; Loop = Loop + 1; A = B + 1; B = A;
          Twice = Memory * 2; Missing2 = NoSuch; Err = 1 / 0 ]
        """);

    private static string Eval(string text) => ClassAdExpr.Parse(text).Evaluate(Ad).ToString();

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 / 2", "3")]
    [InlineData("-7 / 2", "-3")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("7.0 / 2", "3.5")]
    [InlineData("1 + 2.5", "3.5")]
    [InlineData("2 * 1.5", "3.0")]
    [InlineData("1 / 0", "error")]
    [InlineData("1 % 0", "error")]
    [InlineData("1.0 / 0", "error")]
    [InlineData("5.5 % 2", "error")]
    [InlineData("true + 1", "2")]
    [InlineData("false * 3", "0")]
    [InlineData("\"a\" + 1", "error")]
    [InlineData("9223372036854775807 + 1", "-9223372036854775808")]
    [InlineData("-9223372036854775808 / -1", "9223372036854775807")]
    [InlineData("1.0E308 * 10", "error")]
    [InlineData("-Memory", "-2048")]
    [InlineData("-Ratio", "-2.5")]
    [InlineData("+Memory", "2048")]
    [InlineData("+\"s\"", "error")]
    [InlineData("-true", "error")]
    [InlineData("-\"s\"", "error")]
    [InlineData("~0", "-1")]
    [InlineData("~1.5", "error")]
    [InlineData("6 & 3", "2")]
    [InlineData("6 | 3", "7")]
    [InlineData("6 ^ 3", "5")]
    [InlineData("1 << 4", "16")]
    [InlineData("-16 >> 2", "-4")]
    [InlineData("-1 >>> 60", "15")]
    [InlineData("true & 1", "error")]
    public void Arithmetic_and_bitwise_operators(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("1 < 2", "true")]
    [InlineData("2 <= 2", "true")]
    [InlineData("3 > 2.5", "true")]
    [InlineData("2 >= 3", "false")]
    [InlineData("1 == 1.0", "true")]
    [InlineData("1 != 1.0", "false")]
    [InlineData("true == 1", "true")]
    [InlineData("false == 0", "true")]
    [InlineData("true > false", "true")]
    [InlineData("\"abc\" == \"ABC\"", "true")]
    [InlineData("\"abc\" != \"ABC\"", "false")]
    [InlineData("\"abc\" < \"ABD\"", "true")]
    [InlineData("\"b\" > \"A\"", "true")]
    [InlineData("\"1\" == 1", "error")]
    [InlineData("Nums == Nums", "error")]
    [InlineData("Owner == \"alice\"", "true")]
    [InlineData("NoSuch == 1", "undefined")]
    [InlineData("NoSuch < 1", "undefined")]
    [InlineData("error == 1", "error")]
    [InlineData("error == undefined", "error")]
    [InlineData("undefined == undefined", "undefined")]
    [InlineData("real(\"NaN\") == real(\"NaN\")", "false")]
    [InlineData("real(\"NaN\") != 1", "true")]
    public void Comparison_operators(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("\"abc\" =?= \"abc\"", "true")]
    [InlineData("\"abc\" =?= \"ABC\"", "false")]
    [InlineData("\"abc\" =!= \"ABC\"", "true")]
    [InlineData("1 =?= 1.0", "false")]
    [InlineData("1 =?= 1", "true")]
    [InlineData("true =?= 1", "false")]
    [InlineData("undefined =?= undefined", "true")]
    [InlineData("NoSuch is undefined", "true")]
    [InlineData("Memory isnt undefined", "true")]
    [InlineData("error =?= error", "true")]
    [InlineData("error =?= undefined", "false")]
    [InlineData("undefined =!= 1", "true")]
    [InlineData("{ 1, \"a\" } =?= { 1, \"a\" }", "true")]
    [InlineData("{ 1, \"a\" } =?= { 1, \"A\" }", "false")]
    [InlineData("Owner is \"Alice\"", "true")]
    [InlineData("Owner is \"alice\"", "false")]
    public void Meta_equality_never_yields_undefined_or_error(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("true && true", "true")]
    [InlineData("true && false", "false")]
    [InlineData("false && error", "false")]
    [InlineData("false && undefined", "false")]
    [InlineData("false && \"str\"", "false")]
    [InlineData("true && error", "error")]
    [InlineData("true && undefined", "undefined")]
    [InlineData("undefined && false", "false")]
    [InlineData("undefined && true", "undefined")]
    [InlineData("undefined && undefined", "undefined")]
    [InlineData("undefined && error", "error")]
    [InlineData("error && false", "error")]
    [InlineData("\"str\" && false", "error")]
    [InlineData("true && \"str\"", "error")]
    [InlineData("1 && 2", "true")]
    [InlineData("0 && NoSuch", "false")]
    [InlineData("true || error", "true")]
    [InlineData("true || undefined", "true")]
    [InlineData("false || false", "false")]
    [InlineData("false || undefined", "undefined")]
    [InlineData("false || error", "error")]
    [InlineData("undefined || true", "true")]
    [InlineData("undefined || false", "undefined")]
    [InlineData("error || true", "error")]
    [InlineData("0.0 || 1.5", "true")]
    [InlineData("!true", "false")]
    [InlineData("!0", "true")]
    [InlineData("!undefined", "undefined")]
    [InlineData("!error", "error")]
    [InlineData("!\"s\"", "error")]
    [InlineData("Loop > 0 || true", "error")]
    [InlineData("true || Loop > 0", "true")]
    public void Logical_operators_are_three_valued(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("true ? 1 : 2", "1")]
    [InlineData("false ? 1 : 2", "2")]
    [InlineData("1 ? \"y\" : \"n\"", "\"y\"")]
    [InlineData("0.0 ? \"y\" : \"n\"", "\"n\"")]
    [InlineData("undefined ? 1 : 2", "undefined")]
    [InlineData("error ? 1 : 2", "error")]
    [InlineData("\"s\" ? 1 : 2", "error")]
    [InlineData("true ? 1 : 1 / 0", "1")]
    [InlineData("NoSuch ?: 7", "7")]
    [InlineData("Memory ?: 7", "2048")]
    [InlineData("error ?: 7", "error")]
    public void Conditionals(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("Memory", "2048")]
    [InlineData("memory", "2048")]
    [InlineData("MY.Memory", "2048")]
    [InlineData("my.MEMORY", "2048")]
    [InlineData(".Memory", "2048")]
    [InlineData("Twice", "4096")]
    [InlineData("NoSuch", "undefined")]
    [InlineData("NoSuch + 1", "undefined")]
    [InlineData("Missing2", "undefined")]
    [InlineData("Err", "error")]
    [InlineData("Err + NoSuch", "error")]
    [InlineData("NoSuch + Err", "error")]
    [InlineData("TARGET.Memory", "undefined")]
    [InlineData("Nums[0]", "1")]
    [InlineData("Nums[2]", "3")]
    [InlineData("Nums[3]", "error")]
    [InlineData("Nums[-1]", "error")]
    [InlineData("Nums[NoSuch]", "undefined")]
    [InlineData("Nums[\"a\"]", "error")]
    [InlineData("Rec.y", "2")]
    [InlineData("Rec.z", "2048")]
    [InlineData("Rec[\"x\"]", "1")]
    [InlineData("Rec.nothing", "undefined")]
    [InlineData("Rec[\"nothing\"]", "undefined")]
    [InlineData("[ a = 1; b = a + Cpus ].b", "5")]
    [InlineData("{ [ a = 1 ], [ a = 2 ] }.a", "{ 1, 2 }")]
    [InlineData("Memory.x", "error")]
    [InlineData("NoSuch.x", "undefined")]
    [InlineData("{ 1, 1 + 1, NoSuch }", "{ 1, 2, undefined }")]
    [InlineData("Loop", "error")]
    [InlineData("A", "error")]
    [InlineData("B", "error")]
    [InlineData("isError(Loop)", "true")]
    public void Attribute_references_and_scopes(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void Unscoped_names_fall_back_to_the_target_and_evaluate_there()
    {
        var job = ClassAd.Parse("[ RequestMemory = ImageSize * 2; ImageSize = 100 ]");
        var slot = ClassAd.Parse("[ Memory = 512; Start = TARGET.RequestMemory <= Memory; Fallback = RequestMemory ]");

        Assert.Equal(ClassAdValue.True, slot.Evaluate("Start", job));
        Assert.Equal(ClassAdValue.FromInteger(200), slot.Evaluate("Fallback", job));
        Assert.Equal(ClassAdValue.Undefined, slot.Evaluate("Fallback"));
    }

    [Fact]
    public void Target_references_resolve_inside_the_target_ad()
    {
        var job = ClassAd.Parse("[ Want = TARGET.Memory; Memory = 1 ]");
        var slot = ClassAd.Parse("[ Memory = 512 ]");

        Assert.Equal(ClassAdValue.FromInteger(512), job.Evaluate("Want", slot));
        Assert.Equal(ClassAdValue.FromInteger(1), job.Evaluate("Memory", slot));
    }

    [Fact]
    public void Cycles_through_the_target_are_errors()
    {
        var a = ClassAd.Parse("[ X = TARGET.Y ]");
        var b = ClassAd.Parse("[ Y = TARGET.X ]");

        Assert.Equal(ClassAdValue.Error, a.Evaluate("X", b));
    }

    [Fact]
    public void Deep_reference_chains_end_in_error_not_stack_overflow()
    {
        var ad = new ClassAd();
        for (var i = 0; i < 5000; i++)
        {
            ad.Set($"A{i}", new AttributeExpr($"A{i + 1}"));
        }

        ad.Set("A5000", ClassAdValue.FromInteger(1));

        Assert.Equal(ClassAdValue.Error, ad.Evaluate("A0"));
        Assert.Equal(ClassAdValue.FromInteger(1), ad.Evaluate("A4990"));
    }

    [Fact]
    public void Evaluating_without_an_ad_gives_undefined_for_references()
    {
        Assert.Equal(ClassAdValue.Undefined, ClassAdExpr.Parse("Memory > 1").Evaluate());
        Assert.Equal(ClassAdValue.FromInteger(3), ClassAdExpr.Parse("1 + 2").Evaluate());
    }
}
