using CondorActors.Domain.Condor.Cli;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Kernel.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CondorActors.Domain.Condor;

/// <summary>Registers the <see cref="ICondorGateway"/> that the resolved backend selection names.</summary>
public static class CondorGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICondorGateway"/> as <see cref="CondorCliGateway"/> (with a
    /// <see cref="ProcessRunner"/> unless an <see cref="IProcessRunner"/> is already registered) or
    /// as a singleton <see cref="SimulatedCondorPool"/> (also resolvable as itself, for tests and
    /// write paths), plus the <paramref name="selection"/> and <paramref name="options"/> when absent.
    /// </summary>
    public static IServiceCollection AddCondorGateway(
        this IServiceCollection services,
        CondorBackendSelection selection,
        CondorOptions options,
        SimulatedPoolOptions? simulated = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(selection);
        services.TryAddSingleton(options);
        if (selection.Kind == CondorBackendKind.Cli)
        {
            services.TryAddSingleton<IProcessRunner, ProcessRunner>();
            services.AddSingleton<ICondorGateway>(provider => new CondorCliGateway(provider.GetRequiredService<IProcessRunner>(), options));
        }
        else
        {
            services.AddSingleton(provider => new SimulatedCondorPool(simulated, provider.GetService<TimeProvider>()));
            services.AddSingleton<ICondorGateway>(provider => provider.GetRequiredService<SimulatedCondorPool>());
        }

        return services;
    }
}
