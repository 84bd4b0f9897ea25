using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdFunctionTests
{
    private static readonly ClassAd Ad = ClassAd.Parse("""
        [ Owner = "alice"; Name = "slot1@host.example"; Users = "alice, bob carol"; Memory = 2048; Ratio = 2.5;
          Nums = { 3, 1, 2 }; Formula = Memory * 2 ]
        """);

    private static string Eval(string text) => ClassAdExpr.Parse(text).Evaluate(Ad).ToString();

    [Theory]
    [InlineData("strcat(\"a\", \"b\", \"c\")", "\"abc\"")]
    [InlineData("strcat(\"n=\", 1, \" r=\", 2.5, \" \", true)", "\"n=1 r=2.5 true\"")]
    [InlineData("strcat()", "\"\"")]
    [InlineData("strcat(\"a\", NoSuch)", "undefined")]
    [InlineData("strcat(\"a\", error)", "error")]
    [InlineData("substr(\"abcdef\", 2)", "\"cdef\"")]
    [InlineData("substr(\"abcdef\", 2, 3)", "\"cde\"")]
    [InlineData("substr(\"abcdef\", -2)", "\"ef\"")]
    [InlineData("substr(\"abcdef\", 1, -2)", "\"bcd\"")]
    [InlineData("substr(\"abc\", 10)", "\"\"")]
    [InlineData("substr(\"abc\", 1, 100)", "\"bc\"")]
    [InlineData("substr(\"abc\", \"x\")", "error")]
    [InlineData("substr(NoSuch, 1)", "undefined")]
    [InlineData("size(\"hello\")", "5")]
    [InlineData("size(\"\")", "0")]
    [InlineData("size(Nums)", "3")]
    [InlineData("size([ a = 1; b = 2 ])", "2")]
    [InlineData("size(NoSuch)", "undefined")]
    [InlineData("size(5)", "error")]
    [InlineData("toUpper(\"MiXed\")", "\"MIXED\"")]
    [InlineData("toLower(\"MiXed\")", "\"mixed\"")]
    [InlineData("TOUPPER(Owner)", "\"ALICE\"")]
    [InlineData("toLower(NoSuch)", "undefined")]
    [InlineData("toUpper(Nums)", "error")]
    [InlineData("strcmp(\"a\", \"b\")", "-1")]
    [InlineData("strcmp(\"a\", \"A\") != 0", "true")]
    [InlineData("stricmp(\"a\", \"A\")", "0")]
    [InlineData("stricmp(\"b\", \"A\")", "1")]
    [InlineData("stringListMember(\"bob\", Users)", "true")]
    [InlineData("stringListMember(\"Bob\", Users)", "false")]
    [InlineData("stringListIMember(\"Bob\", Users)", "true")]
    [InlineData("stringListMember(\"dave\", Users)", "false")]
    [InlineData("stringListMember(\"b\", \"a;b\", \";\")", "true")]
    [InlineData("stringListMember(NoSuch, Users)", "undefined")]
    [InlineData("stringListMember(1, Users)", "error")]
    [InlineData("stringListSize(Users)", "3")]
    [InlineData("split(\"a, b  c\")", "{ \"a\", \"b\", \"c\" }")]
    [InlineData("split(\"a:b\", \":\")", "{ \"a\", \"b\" }")]
    [InlineData("splitUserName(\"alice@example.org\")", "{ \"alice\", \"example.org\" }")]
    [InlineData("splitUserName(\"alice\")", "{ \"alice\", \"\" }")]
    [InlineData("splitSlotName(Name)", "{ \"slot1\", \"host.example\" }")]
    [InlineData("splitSlotName(\"host\")", "{ \"\", \"host\" }")]
    [InlineData("join(\", \", { \"a\", \"b\" })", "\"a, b\"")]
    [InlineData("join(\"-\", 1, 2, 3)", "\"1-2-3\"")]
    [InlineData("join({ \"x\", \"y\" })", "\"xy\"")]
    public void String_functions(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("regexp(\"^slot[0-9]+@\", Name)", "true")]
    [InlineData("regexp(\"^SLOT\", Name)", "false")]
    [InlineData("regexp(\"^SLOT\", Name, \"i\")", "true")]
    [InlineData("regexp(\"@glidein1@\", \"slot1@glidein1@vm\")", "true")]
    [InlineData("regexp(\"a.c\", \"a\\nc\")", "false")]
    [InlineData("regexp(\"a.c\", \"a\\nc\", \"s\")", "true")]
    [InlineData("regexp(\"^b$\", \"a\\nb\", \"m\")", "true")]
    [InlineData("regexp(\"(\", \"x\")", "error")]
    [InlineData("regexp(\"a\", NoSuch)", "undefined")]
    [InlineData("regexp(\"a\", 1)", "error")]
    [InlineData("regexp(\"(a)\\\\1\", \"aa\")", "true")]
    [InlineData("regexps(\"([a-z]+)@(.*)\", \"bob@site\", \"\\\\2:\\\\1\")", "\"site:bob\"")]
    [InlineData("replace(\"o\", \"foo\", \"0\")", "\"f0o\"")]
    [InlineData("replaceAll(\"o\", \"foo\", \"0\")", "\"f00\"")]
    [InlineData("replaceAll(\"o\", \"foo\", \"$\")", "\"f$$\"")]
    public void Regular_expressions(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void Catastrophic_patterns_do_not_hang()
    {
        // (a+)+b over many a's is exponential on a backtracking engine; with a back-reference it
        // cannot use the linear engine and must hit the timeout instead.
        var options = new ClassAdEvaluationOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) };
        var linear = ClassAdExpr.Parse($"regexp(\"^(a+)+b$\", \"{new string('a', 5000)}\")").Evaluate(null, null, options);
        var backtracking = ClassAdExpr.Parse($"regexp(\"^(a+)+\\\\1b$\", \"{new string('a', 5000)}\")").Evaluate(null, null, options);

        Assert.Equal(ClassAdValue.False, linear);
        Assert.Equal(ClassAdValue.Error, backtracking);
    }

    [Theory]
    [InlineData("member(2, Nums)", "true")]
    [InlineData("member(5, Nums)", "false")]
    [InlineData("member(2.0, Nums)", "true")]
    [InlineData("member(\"A\", { \"a\", \"b\" })", "true")]
    [InlineData("identicalMember(\"A\", { \"a\", \"b\" })", "false")]
    [InlineData("identicalMember(2, Nums)", "true")]
    [InlineData("member(NoSuch, Nums)", "undefined")]
    [InlineData("member(1, \"1 2\")", "error")]
    [InlineData("member(Nums, Nums)", "error")]
    [InlineData("min(Nums)", "1")]
    [InlineData("max(Nums)", "3")]
    [InlineData("min(3, 1.5, 2)", "1.5")]
    [InlineData("max({ 1, 2.5 })", "2.5")]
    [InlineData("max({ 1.5, 2 })", "2.0")]
    [InlineData("min({})", "undefined")]
    [InlineData("min({ 1, NoSuch })", "undefined")]
    [InlineData("max({ 1, \"a\" })", "error")]
    [InlineData("sum(Nums)", "6")]
    [InlineData("sum({ 1, 0.5 })", "1.5")]
    [InlineData("sum({})", "0")]
    [InlineData("avg(Nums)", "2.0")]
    public void List_functions(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("ifThenElse(true, 1, 2)", "1")]
    [InlineData("ifThenElse(false, 1, 2)", "2")]
    [InlineData("IfThenElse(Memory > 1000, \"big\", \"small\")", "\"big\"")]
    [InlineData("ifThenElse(NoSuch, 1, 2)", "undefined")]
    [InlineData("ifThenElse(error, 1, 2)", "error")]
    [InlineData("ifThenElse(\"s\", 1, 2)", "error")]
    [InlineData("ifThenElse(true, 1, 1 / 0)", "1")]
    [InlineData("ifThenElse(true, 1)", "error")]
    [InlineData("isUndefined(NoSuch)", "true")]
    [InlineData("isUndefined(Memory)", "false")]
    [InlineData("isError(1 / 0)", "true")]
    [InlineData("isError(NoSuch)", "false")]
    [InlineData("isString(Owner)", "true")]
    [InlineData("isString(Memory)", "false")]
    [InlineData("isInteger(Memory)", "true")]
    [InlineData("isInteger(Ratio)", "false")]
    [InlineData("isReal(Ratio)", "true")]
    [InlineData("isBoolean(true)", "true")]
    [InlineData("isBoolean(1)", "false")]
    [InlineData("isList(Nums)", "true")]
    [InlineData("isClassAd([ a = 1 ])", "true")]
    [InlineData("isUndefined()", "error")]
    [InlineData("int(3.7)", "3")]
    [InlineData("int(-3.7)", "-3")]
    [InlineData("int(\"42\")", "42")]
    [InlineData("int(\"4.9\")", "4")]
    [InlineData("int(true)", "1")]
    [InlineData("int(\"x\")", "error")]
    [InlineData("int(NoSuch)", "undefined")]
    [InlineData("real(3)", "3.0")]
    [InlineData("real(\"2.5\")", "2.5")]
    [InlineData("real(\"INF\") > 1.0E308", "true")]
    [InlineData("real(false)", "0.0")]
    [InlineData("real(\"x\")", "error")]
    [InlineData("string(42)", "\"42\"")]
    [InlineData("string(2.5)", "\"2.5\"")]
    [InlineData("string(true)", "\"true\"")]
    [InlineData("string(\"s\")", "\"s\"")]
    [InlineData("string(NoSuch)", "undefined")]
    [InlineData("bool(\"TRUE\")", "true")]
    [InlineData("bool(0)", "false")]
    [InlineData("floor(2.7)", "2")]
    [InlineData("floor(-2.1)", "-3")]
    [InlineData("floor(5)", "5")]
    [InlineData("ceiling(2.1)", "3")]
    [InlineData("ceiling(-2.7)", "-2")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("round(2.4)", "2")]
    [InlineData("floor(\"2.7\")", "2")]
    [InlineData("floor(NoSuch)", "undefined")]
    [InlineData("floor(true)", "error")]
    [InlineData("pow(2, 10)", "1024")]
    [InlineData("pow(2, -1)", "0.5")]
    [InlineData("abs(-3)", "3")]
    [InlineData("eval(\"Memory + 1\")", "2049")]
    [InlineData("eval(\"1 +\")", "error")]
    [InlineData("unparse(Formula)", "\"Memory * 2\"")]
    [InlineData("noSuchFunction(1)", "error")]
    public void Type_conversion_and_control_functions(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void Time_reads_the_injected_clock()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_795_289_852));
        var options = new ClassAdEvaluationOptions { Time = clock };

        var now = ClassAdExpr.Parse("time()").Evaluate(null, null, options);
        var age = ClassAdExpr.Parse("time() - QDate").Evaluate(ClassAd.Parse("[ QDate = 1795289844 ]"), null, options);

        Assert.Equal(ClassAdValue.FromInteger(1_795_289_852), now);
        Assert.Equal(ClassAdValue.FromInteger(8), age);
    }

    [Fact]
    public void Absolute_and_relative_times_compute()
    {
        Assert.Equal("relTime(90.0)", Eval("absTime(\"2024-01-01T00:01:30Z\") - absTime(\"2024-01-01T00:00:00Z\")"));
        Assert.Equal("true", Eval("relTime(\"1+00:00:00\") == relTime(86400)"));
        Assert.Equal("86400", Eval("int(relTime(\"1+00:00:00\"))"));
        Assert.Equal("1704067200", Eval("int(absTime(\"2024-01-01T00:00:00Z\"))"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
