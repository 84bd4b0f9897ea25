using BenchmarkDotNet.Running;

namespace CondorActors.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/CondorActors.Benchmarks -- --filter '*'</c>.
/// Every benchmark class has a baseline measured in the same run, so results read as ratios.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
