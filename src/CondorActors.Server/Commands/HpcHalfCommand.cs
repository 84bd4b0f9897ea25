using System.Globalization;
using System.Runtime.InteropServices;
using CondorActors.Domain.Glideins;

namespace CondorActors.Server.Commands;

/// <summary>
/// <c>condoractors hpc-half --batch-dir DIR [--interval SECONDS] [--walltime SECONDS]</c>: the
/// default HPC half of a glidein. Runs inside the batch job, writes a heartbeat (UTC time and a
/// counter, replaced atomically) into the glidein's batch folder every interval (default 5 s),
/// and stays up until it is killed (SIGTERM/SIGINT: exit 0) or its walltime is spent (exit 0).
/// A site wraps its real HPC half with it or replaces it. Exit 2: usage.
/// </summary>
internal static class HpcHalfCommand
{
    private const string Usage = "usage: condoractors hpc-half --batch-dir DIR [--interval SECONDS] [--walltime SECONDS]";

    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        return await RunAsync(args, stderr, TimeProvider.System, stop.Token).ConfigureAwait(false);
    }

    /// <summary>Same, with an explicit clock and stop token (tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stderr, TimeProvider time, CancellationToken stop)
    {
        if (args is ["hpc-half", ..])
        {
            args = args[1..];
        }

        string? batchDirectory = null;
        var interval = TimeSpan.FromSeconds(5);
        TimeSpan? walltime = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--batch-dir" when value is not null:
                    batchDirectory = value;
                    i++;
                    break;
                case "--interval" when Seconds(value) is { } seconds:
                    interval = seconds;
                    i++;
                    break;
                case "--walltime" when Seconds(value) is { } seconds:
                    walltime = seconds;
                    i++;
                    break;
                default:
                    await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
            }
        }

        if (batchDirectory is null || !Directory.Exists(batchDirectory))
        {
            await stderr.WriteLineAsync(batchDirectory is null ? Usage : $"hpc-half: batch folder {batchDirectory} does not exist").ConfigureAwait(false);
            return 2;
        }

        var path = Path.Combine(batchDirectory, "heartbeat");
        var end = walltime is { } limit ? time.GetUtcNow() + limit : DateTimeOffset.MaxValue;
        for (long counter = 1; !stop.IsCancellationRequested; counter++)
        {
            HeartbeatFile.Write(path, time.GetUtcNow(), counter);
            var left = end - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            try
            {
                await Task.Delay(left < interval ? left : interval, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return 0;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Exit through the loop (status 0) instead of the runtime's default termination.
        context.Cancel = true;
        stop.Cancel();
    }

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
