using System.Collections.Immutable;
using System.Reflection;

namespace CondorActors.Domain.Glideins.Simulated;

/// <summary>
/// The simulated backend's bridge half with a real process: a <see cref="ProcessBridgeHalf"/>
/// runs a long-lived stand-in (by default this executable's <c>bridge-half</c> command), and a
/// <see cref="SimulatedBridgeHalf"/> advertises the glidein's slots into the simulated pool while
/// it runs. Like a real startd: a graceful stop (the process left on SIGTERM) removes the ads; a
/// process that needed SIGKILL, or that died on its own, leaves them behind for the controller's
/// cleanup to invalidate (how an unwatched process ended cannot be told afterwards).
/// </summary>
public sealed class SimulatedProcessBridgeHalf(ProcessBridgeHalf process, SimulatedBridgeHalf ads) : IBridgeHalf
{
    /// <summary>The ad side, e.g. for simulated jobs to claim slots (<see cref="SimulatedBridgeHalf.ClaimSlot"/>).</summary>
    public SimulatedBridgeHalf Ads => ads;

    /// <summary>
    /// The default stand-in: <c>{this executable} bridge-half --glidein-id {glidein_id}</c>
    /// (with the entry assembly when the host is <c>dotnet</c> itself). No reload signal: the
    /// stand-in reads no configuration.
    /// </summary>
    public static ProcessBridgeOptions DefaultOptions()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this executable is unknown.");
        ImmutableArray<string> launcher = Path.GetFileNameWithoutExtension(self) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry
            ? [self, entry]
            : [self];
        return OptionsFor(launcher);
    }

    /// <summary>
    /// The stand-in started by <paramref name="launcher"/> (argv that starts the <c>condoractors</c>
    /// executable, e.g. <c>dotnet condoractors.dll</c>): <c>{launcher} bridge-half --glidein-id {glidein_id}</c>.
    /// </summary>
    public static ProcessBridgeOptions OptionsFor(IReadOnlyList<string> launcher)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        if (launcher.Count == 0)
        {
            throw new ArgumentException("The launcher is empty.", nameof(launcher));
        }

        return new ProcessBridgeOptions
        {
            Command = [.. launcher, "bridge-half", "--glidein-id", "{glidein_id}"],
            StopGracePeriod = TimeSpan.FromSeconds(5),
            ReloadSignal = null,
        };
    }

    public async Task<BridgeHandle> StartAsync(BridgeStartRequest request, CancellationToken cancellationToken = default)
    {
        var handle = await process.StartAsync(request, cancellationToken).ConfigureAwait(false);
        await ads.StartAsync(request, cancellationToken).ConfigureAwait(false);
        return handle;
    }

    public async Task SetWillingAsync(string glideinId, bool willing, CancellationToken cancellationToken = default)
    {
        await process.SetWillingAsync(glideinId, willing, cancellationToken).ConfigureAwait(false);
        await ads.SetWillingAsync(glideinId, willing, cancellationToken).ConfigureAwait(false);
    }

    public bool IsAlive(string glideinId, BridgeHandle handle)
    {
        if (process.IsAlive(glideinId, handle))
        {
            return true;
        }

        // Died without deadvertising: the ads stay in the collector, as a killed startd's do.
        ads.Crash(glideinId);
        return false;
    }

    public async Task StopAsync(string glideinId, BridgeHandle? handle, CancellationToken cancellationToken = default)
    {
        var outcome = await process.StopProcessAsync(glideinId, handle, cancellationToken).ConfigureAwait(false);
        if (outcome == BridgeStopOutcome.Exited)
        {
            await ads.StopAsync(glideinId, handle, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            ads.Crash(glideinId);
        }
    }
}
