using CondorActors.Domain.Condor.Cli;

namespace CondorActors.Domain.Condor.Simulated;

public sealed partial class SimulatedCondorPool
{
    /// <summary>Sets a configuration value; an empty value undefines the name, as in HTCondor.</summary>
    public void SetConfig(string name, string value)
    {
        CondorArguments.ValidateConfigName(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            Volatile.Write(ref _config, value.Length == 0 ? _config.Remove(name) : _config.SetItem(name, value));
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Same checks, same order as the CLI adapter: names first (argv), then the daemon.
        foreach (var name in query.Names)
        {
            CondorArguments.ValidateConfigName(name);
        }

        if (query.Daemon is { } daemon)
        {
            EnsurePool(query.Pool);
            EnsureDaemon(daemon, query.DaemonName);
        }
        else if (query.DaemonName is not null)
        {
            throw new ArgumentException("A daemon name needs a daemon kind", nameof(query));
        }

        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var config = Volatile.Read(ref _config);
        if (query.IsDump)
        {
            return new Dictionary<string, string>(config, StringComparer.OrdinalIgnoreCase);
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var undefined = new List<string>();
        foreach (var name in query.Names)
        {
            if (config.TryGetValue(name, out var value))
            {
                values[name] = value;
            }
            else if (!undefined.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                undefined.Add(name);
            }
        }

        return undefined.Count > 0 ? throw new CondorUnknownParameterException(undefined, values) : values;
    }

    private void EnsureDaemon(CondorDaemonKind daemon, string? name)
    {
        if (name is null)
        {
            return;
        }

        var myType = daemon switch
        {
            CondorDaemonKind.Master => "DaemonMaster",
            CondorDaemonKind.Schedd => "Scheduler",
            CondorDaemonKind.Startd => "Machine",
            CondorDaemonKind.Collector => "Collector",
            CondorDaemonKind.Negotiator => "Negotiator",
            _ => throw new ArgumentOutOfRangeException(nameof(daemon), daemon, "unknown daemon"),
        };

        // A startd is named after its machine; its slots carry that as Machine.
        var known = daemon == CondorDaemonKind.Startd
            ? Volatile.Read(ref _ads).Values.Any(ad => IsMachine(ad) && ad.Evaluate("Machine").TryGetString(out var machine)
                && (machine.Equals(name, StringComparison.OrdinalIgnoreCase) || (ad.Evaluate("Name").TryGetString(out var slot) && slot.Equals(name, StringComparison.OrdinalIgnoreCase))))
            : FindAd(myType, name) is not null;
        if (!known)
        {
            throw new CondorNotFoundException($"Not found: Can't find address for {daemon.ToString().ToLowerInvariant()} {name}", name);
        }
    }
}
