namespace CondorActors.Domain.Condor;

/// <summary>The backend chosen at start-up and why, as reported by <c>/healthz</c>.</summary>
public sealed record CondorBackendSelection(CondorBackendKind Kind, string Reason)
{
    /// <summary>The name clients see in <c>/healthz</c> and the <c>X-Condor-Backend</c> header.</summary>
    public string Name => Kind == CondorBackendKind.Cli ? "cli" : "simulated";

    /// <summary>
    /// Resolves the configured backend: <c>cli</c>, <c>simulated</c>, or <c>auto</c> (the CLI when
    /// <c>condor_q</c> is found in <paramref name="binariesDirectory"/> or on PATH, else simulated).
    /// </summary>
    public static CondorBackendSelection Resolve(string configured, string? binariesDirectory, string? pathVariable)
    {
        switch (configured.Trim().ToLowerInvariant())
        {
            case "cli":
                return new(CondorBackendKind.Cli, "configured: condor.backend = cli");
            case "simulated":
                return new(CondorBackendKind.Simulated, "configured: condor.backend = simulated");
            case "auto":
                var found = FindCondorQ(binariesDirectory, pathVariable);
                return found is null
                    ? new(CondorBackendKind.Simulated, "auto: condor_q not found, using the simulated pool")
                    : new(CondorBackendKind.Cli, $"auto: found {found}");
            default:
                throw new ArgumentException($"condor.backend must be auto, cli or simulated, not '{configured}'", nameof(configured));
        }
    }

    private static string? FindCondorQ(string? binariesDirectory, string? pathVariable)
    {
        var directories = new List<string>();
        if (!string.IsNullOrWhiteSpace(binariesDirectory))
        {
            directories.Add(binariesDirectory);
        }

        directories.AddRange((pathVariable ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        return directories
            .Select(directory => Path.Combine(directory, "condor_q"))
            .FirstOrDefault(File.Exists);
    }
}
