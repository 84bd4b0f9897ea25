using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Domain.Glideins;
using CondorActors.Domain.Glideins.Simulated;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests.Glideins;

/// <summary>
/// The real server on the simulated pool with the embedded default's <c>local</c> site (glideins
/// are local processes running this build's <c>hpc-half</c>), tuned for tests: short polls, no
/// retention, a second site <c>off</c> that is disabled.
/// </summary>
internal static class GlideinServer
{
    public static Task<RunningServer> StartAsync(params string[] settings)
    {
        string[] args =
        [
            "--condoractors:condor:backend=simulated",
            "--condoractors:condor:simulated:slots=0",
            "--Logging:LogLevel:Default=Warning",
            "--condoractors:sites:local:poll-interval=200ms",
            "--condoractors:sites:local:heartbeat-timeout=60s",
            "--condoractors:sites:local:retention=0s",
            "--condoractors:sites:local:cleanup-retry-initial=100ms",
            "--condoractors:sites:local:cleanup-retry-max=1s",
            "--condoractors:sites:local:kill-grace-period=2s",
            "--condoractors:sites:local:max-nodes-per-job=2",
            "--condoractors:sites:off:batch-system=local",
            "--condoractors:sites:off:enabled=false",
            .. settings,
        ];
        return RunningServer.StartAsync(configure: null, overrideServices: null, args);
    }

    public static GlideinSites Sites(this RunningServer server) => server.Services.GetRequiredService<GlideinSites>();

    public static SimulatedCondorPool Pool(this RunningServer server) => server.Services.GetRequiredService<SimulatedCondorPool>();

    /// <summary>The ad side of the local site's bridge half (to claim its slots by hand, as the simulated negotiator would).</summary>
    public static SimulatedBridgeHalf Bridge(this RunningServer server, string site = "local") =>
        ((SimulatedProcessBridgeHalf)server.Sites().Find(site)!.Bridge).Ads;

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json"
            ? JsonDocument.Parse(text).RootElement.Clone()
            : JsonSerializer.SerializeToElement(text);
        return (response, body);
    }

    /// <summary>Asks <paramref name="probe"/> until <paramref name="done"/> holds; fails with the last value after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var end = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > end)
            {
                Assert.Fail($"{what} did not happen within {timeout}; last: {value}");
            }

            await Task.Delay(100);
        }
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
