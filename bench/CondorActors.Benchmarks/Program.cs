using BenchmarkDotNet.Running;
using CondorActors.Benchmarks.Actors;

namespace CondorActors.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        // `-- memory [count]`: retained memory per idle actor, measured outside BenchmarkDotNet
        // (it needs live objects at one moment, not allocations per operation).
        if (args is ["memory", ..])
        {
            return ActorMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
