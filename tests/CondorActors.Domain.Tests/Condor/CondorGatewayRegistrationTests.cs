using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;
using CondorActors.Domain.Condor.Simulated;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Domain.Tests.Condor;

public sealed class CondorGatewayRegistrationTests
{
    [Fact]
    public void Cli_selection_registers_the_command_line_adapter()
    {
        var services = new ServiceCollection().AddCondorGateway(CondorBackendSelection.Resolve("cli", null, null), new CondorOptions());
        using var provider = services.BuildServiceProvider();

        var gateway = provider.GetRequiredService<ICondorGateway>();

        Assert.IsType<CondorCliGateway>(gateway);
        Assert.Equal(CondorBackendKind.Cli, gateway.Backend);
    }

    [Fact]
    public void Simulated_selection_registers_one_pool_for_the_gateway_and_for_itself()
    {
        var services = new ServiceCollection().AddCondorGateway(
            CondorBackendSelection.Resolve("auto", binariesDirectory: "/nonexistent", pathVariable: string.Empty),
            new CondorOptions(),
            new SimulatedPoolOptions { Slots = 2 });
        using var provider = services.BuildServiceProvider();

        var gateway = provider.GetRequiredService<ICondorGateway>();

        Assert.Same(provider.GetRequiredService<SimulatedCondorPool>(), gateway);
        Assert.Equal(CondorBackendKind.Simulated, gateway.Backend);
        Assert.Equal(CondorBackendKind.Simulated, provider.GetRequiredService<CondorBackendSelection>().Kind);
    }
}
