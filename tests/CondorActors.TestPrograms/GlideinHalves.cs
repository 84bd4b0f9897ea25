using System.Globalization;
using System.Runtime.InteropServices;
using CondorActors.Domain.Glideins;

namespace CondorActors.TestPrograms;

/// <summary>Stand-ins for the two halves of a glidein, for process-level and batch-system tests.</summary>
internal static class GlideinHalves
{
    /// <summary>
    /// <c>bridge-half [ARGS]</c>: a bridge half that runs until SIGTERM (exit 0); prints its
    /// arguments and CONDOR_CONFIG at start, and <c>reload</c> on each SIGHUP (as a startd re-reads
    /// its configuration).
    /// </summary>
    public static int BridgeHalf(string[] args)
    {
        using var stop = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Set();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Console.Out.WriteLine("reload");
            Console.Out.Flush();
        });
        Console.Out.WriteLine($"started {string.Join(' ', args)} CONDOR_CONFIG={Environment.GetEnvironmentVariable("CONDOR_CONFIG")}");
        Console.Out.Flush();
        stop.Wait();
        Console.Out.WriteLine("stopping");
        Console.Out.Flush();
        return 0;
    }

    /// <summary><c>hpc-half BATCH_DIR [INTERVAL_SECONDS]</c>: writes the glidein heartbeat every interval (default 1 s) until killed.</summary>
    public static int HpcHalf(string[] args)
    {
        var path = Path.Combine(args[0], "heartbeat");
        var interval = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1);
        using var stop = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Set();
        });
        for (long counter = 1; !stop.Wait(counter == 1 ? TimeSpan.Zero : interval); counter++)
        {
            HeartbeatFile.Write(path, DateTimeOffset.UtcNow, counter);
        }

        return 0;
    }
}
