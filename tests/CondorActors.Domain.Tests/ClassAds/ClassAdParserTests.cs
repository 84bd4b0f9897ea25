using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdParserTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("  42  ", "42")]
    [InlineData("0x1F", "31")]
    [InlineData("0X10", "16")]
    [InlineData("017", "15")]
    [InlineData("0", "0")]
    [InlineData("-5", "-5")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.0", "1.0")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("2.5E-3", "0.0025")]
    [InlineData("5.000000000000000E-01", "0.5")]
    [InlineData("1E+20", "1E+20")]
    [InlineData("true", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("False", "false")]
    [InlineData("UNDEFINED", "undefined")]
    [InlineData("Error", "error")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("\"a\" \"b\"", "\"ab\"")]
    [InlineData("Memory", "Memory")]
    [InlineData("MY.Memory", "MY.Memory")]
    [InlineData("TARGET.Disk", "TARGET.Disk")]
    [InlineData(".Memory", ".Memory")]
    [InlineData("'odd name'", "'odd name'")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("a[0]", "a[0]")]
    [InlineData("a[0][1]", "a[0][1]")]
    [InlineData("{1,2,3}", "{ 1, 2, 3 }")]
    [InlineData("{}", "{}")]
    [InlineData("[a=1;b=a+1]", "[ a = 1; b = a + 1 ]")]
    [InlineData("[a=1;]", "[ a = 1 ]")]
    [InlineData("[]", "[]")]
    [InlineData("strcat( a , \"x\" )", "strcat(a, \"x\")")]
    [InlineData("time()", "time()")]
    [InlineData("a?b:c", "a ? b : c")]
    [InlineData("a ?: b", "a ?: b")]
    [InlineData("a is undefined", "a is undefined")]
    [InlineData("a ISNT undefined", "a isnt undefined")]
    [InlineData("a=?=b", "a =?= b")]
    [InlineData("a=!=b", "a =!= b")]
    [InlineData("!a", "!a")]
    [InlineData("~a", "~a")]
    [InlineData("- a", "-a")]
    [InlineData("+a", "+a")]
    [InlineData("- -a", "- -a")]
    [InlineData("a - -1", "a - -1")]
    [InlineData("a>>>2", "a >>> 2")]
    [InlineData("(TARGET.Arch == \"X86_64\") && (TARGET.OpSys == \"LINUX\")", "TARGET.Arch == \"X86_64\" && TARGET.OpSys == \"LINUX\"")]
    [InlineData("ifthenelse(MemoryUsage isnt undefined,MemoryUsage,(ImageSize + 1023) / 1024)", "ifthenelse(MemoryUsage isnt undefined, MemoryUsage, (ImageSize + 1023) / 1024)")]
    public void Parses_and_prints_canonical_text(string text, string canonical)
    {
        var expr = ClassAdExpr.Parse(text);

        Assert.Equal(canonical, expr.ToString());
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"line\\nbreak\"", "line\nbreak")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"cr\\r\"", "cr\r")]
    [InlineData("\"\\u00e9t\\u00E9\"", "été")]
    [InlineData("\"\\101\\102\"", "AB")]
    [InlineData("\"\\7\"", "\a")]
    [InlineData("\"single 'quote'\"", "single 'quote'")]
    [InlineData("\"\\'\"", "'")]
    [InlineData("\"unknown \\q escape\"", "unknown \\q escape")]
    [InlineData("\"slash \\/\"", "slash /")]
    [InlineData("\"\"", "")]
    [InlineData("\"ünïcödé ✓\"", "ünïcödé ✓")]
    public void Decodes_string_escapes(string text, string expected)
    {
        var expr = Assert.IsType<LiteralExpr>(ClassAdExpr.Parse(text));

        Assert.True(expr.Value.TryGetString(out var s));
        Assert.Equal(expected, s);
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("back\\slash")]
    [InlineData("new\nline and \t tab")]
    [InlineData("bell\a and escape \u001b and del \u007f")]
    [InlineData("quote \" at end\"")]
    [InlineData("$(macro) and 'single'")]
    [InlineData("")]
    public void Printed_strings_read_back_identically(string value)
    {
        var printed = ClassAdValue.FromString(value).ToString();

        var parsed = Assert.IsType<LiteralExpr>(ClassAdExpr.Parse(printed));
        Assert.True(parsed.Value.TryGetString(out var s));
        Assert.Equal(value, s);
    }

    [Theory]
    [InlineData("a || b && c", "a || (b && c)")]
    [InlineData("a && b || c", "(a && b) || c")]
    [InlineData("a | b ^ c & d", "a | (b ^ (c & d))")]
    [InlineData("a & b == c", "a & (b == c)")]
    [InlineData("a == b < c", "a == (b < c)")]
    [InlineData("a < b << c", "a < (b << c)")]
    [InlineData("a << b + c", "a << (b + c)")]
    [InlineData("a + b * c", "a + (b * c)")]
    [InlineData("a - b - c", "(a - b) - c")]
    [InlineData("a / b / c", "(a / b) / c")]
    [InlineData("a * b % c", "(a * b) % c")]
    [InlineData("-a * b", "(-a) * b")]
    [InlineData("!a && b", "(!a) && b")]
    [InlineData("-a.b", "-(a.b)")]
    [InlineData("a ? b : c ? d : e", "a ? b : (c ? d : e)")]
    [InlineData("a || b ? c : d", "(a || b) ? c : d")]
    [InlineData("a is b == c", "(a is b) == c")]
    [InlineData("a =?= b && c", "(a =?= b) && c")]
    [InlineData("a >= b != c", "(a >= b) != c")]
    [InlineData("a.b[0].c", "((a.b)[0]).c")]
    [InlineData("a + b < c && d", "((a + b) < c) && d")]
    public void Operators_follow_ClassAd_precedence(string text, string parenthesized)
    {
        Assert.Equal(ClassAdExpr.Parse(parenthesized), ClassAdExpr.Parse(text));
    }

    [Theory]
    [InlineData("a - (b - c)")]
    [InlineData("(a || b) && c")]
    [InlineData("(a ? b : c) ? d : e")]
    [InlineData("-(a + b)")]
    [InlineData("(-1).a")]
    [InlineData("-(5)")]
    [InlineData("a * (b + c) / (d % e)")]
    [InlineData("{ 1, \"two\", 3.0, { true }, [ x = 1 ] }")]
    [InlineData("[ a = [ b = { 1, 2 }; 'c d' = \"e\" ]; 'true' = 1 ]")]
    [InlineData("regexp(\"^a.*\", Name, \"i\") && member(Owner, { \"u1\", \"u2\" })")]
    [InlineData("TARGET.JobUniverse isnt 1 || ((MY.CheckpointPlatform isnt undefined) && ((TARGET.LastCheckpointPlatform is MY.CheckpointPlatform) || (TARGET.NumCkpts == 0)))")]
    [InlineData("((LoadAvg - CondorLoadAvg) >= 5.000000000000000E-01)")]
    [InlineData("x ?: y ?: z")]
    [InlineData("- -5")]
    [InlineData("~~a")]
    [InlineData("a[b[c]]")]
    [InlineData(".a + MY.b + TARGET.c + PARENT.d")]
    [InlineData("1.0E-300 * 1.7976931348623157E+308")]
    public void Round_trips_through_printing(string text)
    {
        var expr = ClassAdExpr.Parse(text);

        var reparsed = ClassAdExpr.Parse(expr.ToString());

        Assert.Equal(expr, reparsed);
        Assert.Equal(expr.ToString(), reparsed.ToString());
    }

    [Fact]
    public void Built_trees_print_with_the_parentheses_they_need()
    {
        var a = new AttributeExpr("a");
        var b = new AttributeExpr("b");
        var tree = new BinaryExpr(ClassAdBinaryOperator.Multiply,
            new BinaryExpr(ClassAdBinaryOperator.Add, a, b),
            new UnaryExpr(ClassAdUnaryOperator.Minus, ClassAdExpr.Literal(3L)));

        Assert.Equal("(a + b) * -(3)", tree.ToString());
        Assert.Equal(tree, ClassAdExpr.Parse(tree.ToString()));
    }

    [Fact]
    public void Attribute_names_compare_without_case()
    {
        Assert.Equal(ClassAdExpr.Parse("MY.memory + Disk"), ClassAdExpr.Parse("my.MEMORY + disk"));
        Assert.NotEqual(ClassAdExpr.Parse("\"a\""), ClassAdExpr.Parse("\"A\""));
    }

    [Fact]
    public void Unknown_functions_parse_unless_rejected()
    {
        Assert.IsType<FunctionCallExpr>(ClassAdExpr.Parse("nosuchfn(1)"));

        var ok = ClassAdExpression.TryParse("1 + nosuchfn(1)", out _, out var error, new ClassAdParseOptions { RejectUnknownFunctions = true });

        Assert.False(ok);
        Assert.Equal(4, error!.Offset);
        Assert.Contains("nosuchfn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_a_parse_error_not_a_stack_overflow()
    {
        var text = new string('(', 10_000) + "1" + new string(')', 10_000);

        var e = Assert.Throws<ClassAdParseException>(() => ClassAdExpr.Parse(text));

        Assert.Contains("nested too deeply", e.Message, StringComparison.Ordinal);
    }
}
