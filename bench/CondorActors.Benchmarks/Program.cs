using BenchmarkDotNet.Running;
using CondorActors.Benchmarks.Actors;

namespace CondorActors.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/CondorActors.Benchmarks -- --filter '*'</c>.
/// Every benchmark class has a baseline measured in the same run, so results read as ratios.
/// <c>-- memory [count]</c> instead measures retained memory per idle actor;
/// <c>-- api [jobs]</c> measures the read API (coalescing, streaming) on a live server;
/// <c>-- glideins [count] [dying] [poll-seconds] [latency-ms]</c> measures glidein poll cycles,
/// memory, dead-glidein cleanup and journal recovery.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // Memory per idle actor needs live objects at one moment, not allocations per
        // operation, so it is measured outside BenchmarkDotNet.
        if (args is ["memory", ..])
        {
            return ActorMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        }

        // The read API needs a live server and counts commands: also outside BenchmarkDotNet.
        if (args is ["api", ..])
        {
            return Api.ApiLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000).GetAwaiter().GetResult();
        }

        // Glideins need one long-lived controller in real time (recovery, poll cycles, cleanup).
        if (args is ["glideins", ..])
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
            return Glideins.GlideinLoad.RunAsync(Arg(1, 10_000), Arg(2, 1_000), TimeSpan.FromSeconds(Arg(3, 5)), TimeSpan.FromMilliseconds(Arg(4, 0))).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
