using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CondorActors.Kernel.Configuration.Hocon;

namespace CondorActors.Benchmarks.Hocon;

/// <summary>Parse + resolve 1 MiB of HOCON against JsonDocument.Parse of the same data as JSON (target: within 10x).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class HoconParseBenchmarks
{
    private readonly HoconLoader _loader = new(_ => null, _ => null);
    private string _hocon = "";
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        _hocon = HoconBenchmarkInput.Generate(1 << 20);
        _json = HoconJson.Render(_loader.ParseString(_hocon), indented: false);
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark]
    public int HoconParseAndResolve() => _loader.ParseString(_hocon).Count;
}
