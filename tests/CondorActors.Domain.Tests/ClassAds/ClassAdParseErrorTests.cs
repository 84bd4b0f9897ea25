using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdParseErrorTests
{
    [Theory]
    [InlineData("", 0, "an expression")]
    [InlineData("   ", 3, "an expression")]
    [InlineData("1 +", 3, "an expression")]
    [InlineData("(1 + 2", 6, "')'")]
    [InlineData("a b", 2, "an operator or the end of the expression")]
    [InlineData("f(1,", 4, "an expression")]
    [InlineData("f(1 2)", 4, "',' or ')' in the argument list")]
    [InlineData("{1, 2", 5, "',' or '}' in the list")]
    [InlineData("[a = 1 b = 2]", 7, "';' or ']' in the record")]
    [InlineData("[1 = 2]", 1, "an attribute name or ']' in the record")]
    [InlineData("[a 1]", 3, "'=' after the attribute name")]
    [InlineData("a ? b", 5, "':' of the conditional")]
    [InlineData("a.", 2, "an attribute name after '.'")]
    [InlineData("a.1", 1, "an operator or the end of the expression")]
    [InlineData("x[1", 3, "']'")]
    [InlineData("\"open", 0, "closing \"")]
    [InlineData("1 + #", 4, "an expression")]
    [InlineData("1.", 0, "a digit")]
    [InlineData("1e+", 1, "a digit")]
    [InlineData("12abc", 0, "an operator or the end after a number")]
    [InlineData("09", 0, "octal digits 0-7")]
    [InlineData("9223372036854775808", 0, "an integer in 64 bits")]
    [InlineData("99999999999999999999", 0, "an integer in 64 bits")]
    [InlineData("0x", 0, "hex digits")]
    [InlineData("\"bad \\u12\"", 5, "four hex digits")]
    [InlineData("a =? b", 2, "an operator or the end of the expression")]
    [InlineData(")", 0, "an expression")]
    public void Syntax_errors_report_position_and_expectation(string text, int offset, string expected)
    {
        var ok = ClassAdExpression.TryParse(text, out var expr, out var error);

        Assert.False(ok);
        Assert.Null(expr);
        Assert.Equal(offset, error!.Offset);
        Assert.Equal(expected, error.Expected);
        Assert.Throws<ClassAdParseException>(() => ClassAdExpr.Parse(text));
    }

    [Fact]
    public void Line_and_column_count_from_one()
    {
        ClassAdExpression.TryParse("a &&\n  b &&\n   )", out _, out var error);

        Assert.Equal(3, error!.Line);
        Assert.Equal(4, error.Column);
        Assert.Equal(15, error.Offset);
        Assert.Contains("line 3, column 4", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_carries_the_error()
    {
        var e = Assert.Throws<ClassAdParseException>(() => ClassAdExpr.Parse("JobStatus == "));

        Assert.Equal(13, e.Offset);
        Assert.Equal("end of input", e.Error.Found);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Theory]
    [InlineData("Owner", true)]
    [InlineData("_private", true)]
    [InlineData("Attr_2", true)]
    [InlineData("a", true)]
    [InlineData("2attr", false)]
    [InlineData("has space", false)]
    [InlineData("dash-ed", false)]
    [InlineData("dot.ted", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("naïve", false)]
    public void Validates_projection_attribute_names(string? name, bool valid)
    {
        Assert.Equal(valid, ClassAdExpression.IsValidAttributeName(name));
    }
}
