using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins.Cli;
using CondorActors.Domain.Glideins.Simulated;
using CondorActors.Kernel.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CondorActors.Domain.Glideins;

/// <summary>Registers the <see cref="IGlideinCondorOps"/> of the backend the gateway uses.</summary>
public static class GlideinCondorOpsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGlideinCondorOps"/> for the registered <see cref="CondorBackendSelection"/>:
    /// <see cref="CliGlideinCondorOps"/> over the registered <see cref="IProcessRunner"/> and
    /// <see cref="CondorOptions"/>, or <see cref="SimulatedGlideinCondorOps"/> over the registered
    /// <see cref="SimulatedCondorPool"/> (the same pool the gateway serves). Call after
    /// <see cref="CondorGatewayServiceCollectionExtensions.AddCondorGateway"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="scratchDirectory">Where the CLI backend writes its temporary query ad files (e.g. under data-dir); null uses the system temp folder.</param>
    public static IServiceCollection AddGlideinCondorOps(this IServiceCollection services, string? scratchDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => Create(provider, scratchDirectory));
        return services;
    }

    /// <summary>The glidein operations matching the registered backend (see <see cref="AddGlideinCondorOps"/>).</summary>
    public static IGlideinCondorOps Create(IServiceProvider provider, string? scratchDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.GetRequiredService<CondorBackendSelection>().Kind == CondorBackendKind.Cli
            ? new CliGlideinCondorOps(provider.GetRequiredService<IProcessRunner>(), provider.GetRequiredService<CondorOptions>(), scratchDirectory)
            : new SimulatedGlideinCondorOps(provider.GetRequiredService<SimulatedCondorPool>());
    }
}
