using System.Text;
using System.Text.Json;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdJsonTests
{
    internal static byte[] Bytes(string file) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "condor", file));

    internal static IReadOnlyList<ClassAd> Load(string file) => ClassAdJson.ParseAds(Bytes(file));

    [Fact]
    public void Condor_q_json_parses_job_ads_with_their_types()
    {
        var ads = Load("condor_q_-json.out");

        Assert.Equal(6, ads.Count);
        Assert.Equal(
            ["2.0", "2.1", "2.2", "3.0", "3.1", "3.2"],
            ads.Select(a => $"{a.Evaluate("ClusterId")}.{a.Evaluate("ProcId")}"));
        var job = ads[0];
        Assert.Equal(ClassAdValue.FromInteger(2), job.Evaluate("JobStatus"));
        Assert.Equal(ClassAdValue.FromString("testuser"), job.Evaluate("owner"));
        Assert.Equal(ClassAdValue.FromReal(0.0), job.Evaluate("Rank"));
        Assert.Equal(ClassAdValue.False, job.Evaluate("ExitBySignal"));
        Assert.Equal("JobStatus", job.GetSpelling("jobstatus"));
        Assert.Equal(105, job.Count);
    }

    [Fact]
    public void Condor_q_json_keeps_unevaluated_expressions_as_trees()
    {
        var job = Load("condor_q_-json.out")[0];

        var requirements = Assert.IsType<BinaryExpr>(job["Requirements"]);
        Assert.Equal(ClassAdBinaryOperator.And, requirements.Operator);
        Assert.Equal(
            "TARGET.Arch == \"X86_64\" && TARGET.OpSys == \"LINUX\" && TARGET.Disk >= RequestDisk && TARGET.Memory >= RequestMemory && TARGET.FileSystemDomain == MY.FileSystemDomain",
            requirements.ToString());
        Assert.IsType<AttributeExpr>(job["RequestDisk"]);
        Assert.Equal(ClassAdValue.FromInteger(45), job.Evaluate("RequestDisk"));
        Assert.Equal(ClassAdValue.FromInteger(1), job.Evaluate("RequestMemory"));
    }

    [Fact]
    public void Condor_status_json_parses_slot_ads()
    {
        var slots = Load("condor_status_-json.out");

        Assert.Equal(["slot1@vm", "slot2@vm", "slot3@vm", "slot4@vm"], slots.Select(s => s.Evaluate("Name").ToString().Trim('"')));
        var slot = slots[2];
        Assert.Equal(ClassAdValue.FromReal(0.62), slot.Evaluate("LoadAvg"));
        Assert.Equal(ClassAdValue.True, slot.Evaluate("Start"));
        Assert.Equal("LoadAvg - CondorLoadAvg >= 0.5", slot["CpuBusy"]!.ToString());
        Assert.Equal(ClassAdValue.FromInteger(600), slot.Evaluate("MachineMaxVacateTime"));
        Assert.Equal(ClassAdValue.FromInteger(1), slot.Evaluate("SlotWeight"));
    }

    [Theory]
    [InlineData("condor_history_-json.out", 10)]
    [InlineData("condor_status_-schedd_-json.out", 1)]
    [InlineData("condor_status_-collector_-json.out", 1)]
    [InlineData("condor_status_-negotiator_-json.out", 1)]
    [InlineData("condor_history_-json_no_such_job.out", 0)]
    [InlineData("condor_q_-json_-constraint_ClusterId==-1.out", 0)]
    public void Every_recorded_output_parses(string file, int count)
    {
        var ads = Load(file);

        Assert.Equal(count, ads.Count);
        foreach (var ad in ads)
        {
            foreach (var (name, expr) in ad)
            {
                // Every expression HTCondor printed must parse (a failed lazy parse reads as error).
                Assert.False(expr is LiteralExpr { Value.IsError: true }, $"{file}: {name} did not parse");
            }
        }
    }

    [Fact]
    public void History_ads_evaluate_their_expressions()
    {
        var ad = Load("condor_history_-json.out")[0];

        Assert.True(ad.Evaluate("ExitCode").IsNumber || ad.Evaluate("ExitCode").IsUndefined);
        Assert.Equal(ClassAdValueKind.Integer, ad.Evaluate("ClusterId").Kind);
        Assert.Equal(ClassAdValueKind.String, ad.Evaluate("TransferQueueUserExpr").Kind is ClassAdValueKind.String
            ? ClassAdValueKind.String
            : ad.Evaluate("Owner").Kind);
    }

    [Fact]
    public void Schedd_ad_expression_with_escaped_quotes_parses()
    {
        var schedd = Load("condor_status_-schedd_-json.out")[0];

        Assert.Equal("strcat(\"Owner_\", Owner)", schedd["TransferQueueUserExpr"]!.ToString());
    }

    [Theory]
    [InlineData("[{\"A\": 1}]", "A", "1")]
    [InlineData("[{\"A\": -7}]", "A", "-7")]
    [InlineData("[{\"A\": 1.0}]", "A", "1.0")]
    [InlineData("[{\"A\": 1e3}]", "A", "1000.0")]
    [InlineData("[{\"A\": \"s\"}]", "A", "\"s\"")]
    [InlineData("[{\"A\": \"\\u00e9\\n\"}]", "A", "\"é\\n\"")]
    [InlineData("[{\"A\": true}]", "A", "true")]
    [InlineData("[{\"A\": null}]", "A", "undefined")]
    [InlineData("[{\"A\": [1, \"x\", [true]]}]", "A", "{ 1, \"x\", { true } }")]
    [InlineData("[{\"A\": {\"b\": 2, \"c\": \"\\/Expr(b + 1)\\/\"}}]", "A", "[ b = 2; c = b + 1 ]")]
    [InlineData("[{\"A\": {\"b\": 2, \"c\": \"\\/Expr(b + 1)\\/\"}}]", "A.c", "3")]
    [InlineData("[{\"A\": \"\\/Expr(error)\\/\"}]", "A", "error")]
    [InlineData("[{\"A\": \"/Expr(1 + 2)/\"}]", "A", "3")]
    [InlineData("[{\"A\": \"\\/Expr(not an ) expr)\\/\"}]", "A", "error")]
    [InlineData("[{\"A\": \"/Expr(but no end\"}]", "A", "\"/Expr(but no end\"")]
    [InlineData("{\"A\": 5}", "A", "5")]
    [InlineData("[{\"A\": 1, \"a\": 2}]", "A", "2")]
    [InlineData("\uFEFF [ {\"A\": 1} ] \n", "A", "1")]
    public void Json_values_map_to_ClassAd_values(string json, string expression, string expected)
    {
        var ad = ClassAdJson.ParseAds(json).Single();

        Assert.Equal(expected, ad.EvaluateExpression(ClassAdExpr.Parse(expression)).ToString());
    }

    [Theory]
    [InlineData("[{\"A\": 1}")]
    [InlineData("[{\"A\": 1},")]
    [InlineData("[{\"A\" 1}]")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("[{\"A\": 1}] trailing")]
    [InlineData("[{\"\": 1}]")]
    public void Malformed_json_throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ClassAdJson.ParseAds(json));
    }

    [Fact]
    public void Eager_expression_parsing_reports_bad_expressions()
    {
        var options = new ClassAdJsonReadOptions { ParseExpressionsEagerly = true };

        var e = Assert.ThrowsAny<JsonException>(() => ClassAdJson.ParseAds("[{\"Bad\": \"/Expr(1 +)/\"}]", options));

        Assert.Contains("Bad", e.Message, StringComparison.Ordinal);
        Assert.IsType<BinaryExpr>(ClassAdJson.ParseAds("[{\"A\": \"/Expr(1 + 2)/\"}]", options)[0]["A"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Streams_give_the_same_ads_as_whole_buffers(int chunkSize)
    {
        var bytes = Bytes("condor_q_-json.out");
        var expected = ClassAdJson.ParseAds(bytes);

        var sync = ClassAdJson.ReadAds(new TrickleStream(bytes, chunkSize)).ToList();
        var asyncAds = new List<ClassAd>();
        await foreach (var ad in ClassAdJson.ReadAdsAsync(new TrickleStream(bytes, chunkSize)))
        {
            asyncAds.Add(ad);
        }

        Assert.Equal(expected.Count, sync.Count);
        Assert.Equal(expected.Count, asyncAds.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].ContentEquals(sync[i]));
            Assert.True(expected[i].ContentEquals(asyncAds[i]));
        }
    }

    [Fact]
    public void Streams_handle_ads_larger_than_the_buffer_and_many_ads()
    {
        var big = new string('x', 200_000);
        var json = "[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"{{\"Id\": {i}, \"Big\": \"{(i == 500 ? big : "s")}\"}}")) + "]";

        var ads = ClassAdJson.ReadAds(new MemoryStream(Encoding.UTF8.GetBytes(json))).ToList();

        Assert.Equal(1000, ads.Count);
        Assert.Equal(ClassAdValue.FromInteger(999), ads[^1].Evaluate("Id"));
        Assert.Equal(ClassAdValue.FromString(big), ads[500].Evaluate("Big"));
    }

    [Fact]
    public void Empty_stream_reads_no_ads_and_truncated_stream_throws()
    {
        Assert.Empty(ClassAdJson.ReadAds(new MemoryStream()));
        Assert.ThrowsAny<JsonException>(() => ClassAdJson.ReadAds(new MemoryStream("[{\"A\":"u8.ToArray())).ToList());
    }

    [Fact]
    public void Written_json_reads_back_to_equal_ads()
    {
        foreach (var file in new[] { "condor_q_-json.out", "condor_status_-json.out", "condor_history_-json.out" })
        {
            var ads = Load(file);

            var again = ClassAdJson.ParseAds(ClassAdJson.Serialize(ads));

            Assert.Equal(ads.Count, again.Count);
            for (var i = 0; i < ads.Count; i++)
            {
                Assert.True(ads[i].ContentEquals(again[i]), $"{file} ad {i}");
            }
        }
    }

    [Fact]
    public void Writes_literals_lists_records_and_expressions_like_condor()
    {
        var ad = ClassAd.Parse("[ Int = 3; Real = 1.0; Str = \"a\\\"b\"; B = true; U = undefined; E = error; L = { 1, x }; R = [ y = 2 ]; X = Int + 1 ]");

        var json = ClassAdJson.Serialize(ad);

        Assert.Equal(
            "{\"Int\":3,\"Real\":1.0,\"Str\":\"a\\\"b\",\"B\":true,\"U\":null,\"E\":\"/Expr(error)/\",\"L\":[1,\"/Expr(x)/\"],\"R\":{\"y\":2},\"X\":\"/Expr(Int + 1)/\"}",
            json);
    }

    [Fact]
    public void Writes_lower_case_names_and_evaluated_values_on_request()
    {
        var ad = ClassAd.Parse("[ Memory = 1024; RequestMemory = Memory / 2; Gone = NoSuch ]");
        var options = new ClassAdJsonWriteOptions { LowerCaseNames = true, Expressions = ClassAdJsonExpressionMode.Evaluated };

        var json = ClassAdJson.Serialize(ad, options);

        Assert.Equal("{\"memory\":1024,\"requestmemory\":512,\"gone\":null}", json);
        Assert.Equal("{\"Memory\":1024,\"RequestMemory\":\"/Expr(Memory / 2)/\",\"Gone\":\"/Expr(NoSuch)/\"}", ClassAdJson.Serialize(ad));
    }

    [Fact]
    public void Expression_text_from_json_is_written_back_unchanged()
    {
        var ad = ClassAdJson.ParseAd("{\"R\": \"\\/Expr((TARGET.Arch == \\\"X86_64\\\"))\\/\"}");

        Assert.Equal("{\"R\":\"/Expr((TARGET.Arch == \\\"X86_64\\\"))/\"}", ClassAdJson.Serialize(ad));
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
