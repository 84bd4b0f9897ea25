using System.Text;
using BenchmarkDotNet.Attributes;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;

namespace CondorActors.Benchmarks.Batch;

/// <summary>
/// Status of 1,000 jobs from one recorded <c>squeue -O</c> answer of the real local Slurm
/// (tests/CondorActors.Domain.Tests/TestData/batch/slurm/squeue-1000.txt, 64 KB): decoding the
/// bytes (what the process runner does anyway: the baseline) against decoding plus parsing,
/// tag filtering and state mapping into 1,000 <see cref="BatchJobStatus"/> records.
/// </summary>
[MemoryDiagnoser]
public class SqueueStatusBenchmarks
{
    private static readonly BatchJobTag Tag = new("bench");
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(FindRecording());
        if (SqueueOutput.Parse(Encoding.UTF8.GetString(_bytes), Tag).Count != 1000)
        {
            throw new InvalidOperationException("The recording did not parse to 1,000 tagged jobs.");
        }
    }

    [Benchmark(Baseline = true)]
    public int DecodeBytes() => Encoding.UTF8.GetString(_bytes).Length;

    [Benchmark]
    public int DecodeAndParse() => SqueueOutput.Parse(Encoding.UTF8.GetString(_bytes), Tag).Count;

    private static string FindRecording()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "CondorActors.Domain.Tests", "TestData", "batch", "slurm", "squeue-1000.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("squeue-1000.txt not found above " + AppContext.BaseDirectory);
    }
}
