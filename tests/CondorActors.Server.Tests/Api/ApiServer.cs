using System.Text.Json;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests.Api;

/// <summary>Starts the real server on the simulated pool, and reads its JSON.</summary>
internal static class ApiServer
{
    public static Task<RunningServer> StartAsync(int seedJobs = 0, params string[] settings) =>
        StartAsync(seedJobs, overrideServices: null, settings);

    public static async Task<RunningServer> StartAsync(int seedJobs, Action<IServiceCollection>? overrideServices, params string[] settings)
    {
        string[] args =
        [
            "--condoractors:condor:backend=simulated",
            $"--condoractors:condor:simulated:seed-jobs={seedJobs}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        return await RunningServer.StartAsync(configure: null, overrideServices, args);
    }

    /// <summary>Replaces the gateway with <paramref name="decorate"/> applied to the simulated pool.</summary>
    public static Action<IServiceCollection> Decorate(Func<ICondorGateway, ICondorGateway> decorate) => services =>
        services.AddSingleton(provider => decorate(provider.GetRequiredService<SimulatedCondorPool>()));

    public static SimulatedCondorPool Pool(this RunningServer server) => server.Services.GetRequiredService<SimulatedCondorPool>();

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this RunningServer server, string path)
    {
        var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    public static IEnumerable<string> Keys(this JsonElement element) => element.EnumerateObject().Select(property => property.Name);
}
