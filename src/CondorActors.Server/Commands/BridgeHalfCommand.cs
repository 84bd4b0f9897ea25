using System.Runtime.InteropServices;

namespace CondorActors.Server.Commands;

/// <summary>
/// <c>condoractors bridge-half [--glidein-id ID]</c>: the bridge process of a glidein on the
/// simulated backend (SimulatedProcessBridgeHalf). It advertises nothing itself (the controller
/// puts the ads into the simulated pool while it runs); it writes one line when it starts and
/// one when it stops, and runs until SIGTERM/SIGINT (exit 0), like a startd. Exit 2: usage.
/// </summary>
internal static class BridgeHalfCommand
{
    private const string Usage = "usage: condoractors bridge-half [--glidein-id ID]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        return await RunAsync(args, stdout, stderr, stop.Token).ConfigureAwait(false);
    }

    /// <summary>Same, with an explicit stop token (tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        if (args is not ([] or ["--glidein-id", _]))
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var id = args is [_, var value] ? value : "(none)";
        await stdout.WriteLineAsync($"bridge-half: glidein {id} running as pid {Environment.ProcessId}").ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped: exit 0 below, as a startd does on SIGTERM.
        }

        await stdout.WriteLineAsync($"bridge-half: glidein {id} stopping").ConfigureAwait(false);
        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        stop.Cancel();
    }
}
