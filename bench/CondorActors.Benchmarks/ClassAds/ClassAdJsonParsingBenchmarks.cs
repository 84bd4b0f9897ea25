using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Benchmarks.ClassAds;

/// <summary>
/// ClassAd JSON parsing throughput against <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// of the same bytes: the condor_q -json recording (6 real job ads) replicated to 10,002 ads
/// (about 30 MB), each copy renumbered to its own cluster (ClusterId, GlobalJobId, Out and Err
/// differ per job as in a real queue) so that value interning cannot hit on everything.
/// Expressions stay as text until used (lazy), so this measures JSON reading and ad building,
/// not expression parsing; the eager variant parses every expression too.
/// </summary>
[MemoryDiagnoser]
public class ClassAdJsonParsingBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        var fixture = File.ReadAllText(FindFixture()).Trim();
        var inner = fixture[1..^1].Trim();
        var copies = 10_002 / 6;
        _bytes = Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", Enumerable.Range(0, copies).Select(k => Renumber(inner, k))) + "\n]\n");
        if (ClassAdJson.ParseAds(_bytes).Count != copies * 6)
        {
            throw new InvalidOperationException("The replicated fixture did not parse to the expected number of ads.");
        }
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var doc = JsonDocument.Parse(_bytes);
        return doc.RootElement.GetArrayLength();
    }

    [Benchmark]
    public int ClassAdJsonParseAds() => ClassAdJson.ParseAds(_bytes).Count;

    /// <summary>For reference: JsonDocument reading the same bytes from a stream (it buffers them all).</summary>
    [Benchmark]
    public int JsonDocumentParseStream()
    {
        using var doc = JsonDocument.Parse(new MemoryStream(_bytes, writable: false));
        return doc.RootElement.GetArrayLength();
    }

    /// <summary>Streams ads one at a time; <c>Count</c> makes each ad ready for lookups (name index).</summary>
    [Benchmark]
    public int ClassAdJsonReadAdsFromStream()
    {
        var count = 0;
        foreach (var ad in ClassAdJson.ReadAds(new MemoryStream(_bytes, writable: false)))
        {
            count += ad.Count > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    public int ClassAdJsonParseAdsEagerExpressions() =>
        ClassAdJson.ParseAds(_bytes, new ClassAdJsonReadOptions { ParseExpressionsEagerly = true }).Count;

    // The recording has clusters 2 and 3; copy k gets clusters 2 + 2k and 3 + 2k.
    private static string Renumber(string ads, int copy) =>
        Regex.Replace(ads, @"(?<=""ClusterId"": |vm#|sleep\.)(\d+)(?=[,.])", m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + (2 * copy)).ToString(CultureInfo.InvariantCulture));

    private static string FindFixture()
    {
        // BenchmarkDotNet runs from a generated folder under bin/: walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "CondorActors.Domain.Tests", "TestData", "condor", "condor_q_-json.out");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("condor_q_-json.out test fixture not found above " + AppContext.BaseDirectory);
    }
}
