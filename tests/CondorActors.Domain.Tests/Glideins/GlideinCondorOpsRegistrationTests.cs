using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Cli;
using CondorActors.Domain.Glideins.Simulated;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class GlideinCondorOpsRegistrationTests
{
    [Fact]
    public void Cli_backend_gets_the_command_line_glidein_operations()
    {
        using var provider = new ServiceCollection()
            .AddCondorGateway(CondorBackendSelection.Resolve("cli", null, null), new CondorOptions())
            .AddGlideinCondorOps()
            .BuildServiceProvider();

        Assert.IsType<CliGlideinCondorOps>(provider.GetRequiredService<IGlideinCondorOps>());
    }

    [Fact]
    public async Task Simulated_backend_gets_operations_over_the_same_pool_the_gateway_serves()
    {
        using var provider = new ServiceCollection()
            .AddCondorGateway(CondorBackendSelection.Resolve("simulated", null, null), new CondorOptions(), new SimulatedPoolOptions { Slots = 0 })
            .AddGlideinCondorOps()
            .BuildServiceProvider();
        var pool = provider.GetRequiredService<SimulatedCondorPool>();
        pool.AdvertiseSlot("slot1@glidein_g1_0@bridge", "bridge", ad =>
        {
            ad.Set("GlideinId", ClassAdValue.FromString("g1"));
            ad.Set("GlideinSite", ClassAdValue.FromString("site-a"));
        });

        var ops = provider.GetRequiredService<IGlideinCondorOps>();
        Assert.IsType<SimulatedGlideinCondorOps>(ops);
        Assert.Single(await ops.QueryGlideinAdsAsync("site-a"));
        await ops.InvalidateStartdAdsAsync("g1");

        Assert.Empty(await provider.GetRequiredService<ICondorGateway>().QueryStatusAsync(new StatusQuery { Constraint = "GlideinId == \"g1\"" }).ToListAsync());
    }
}
