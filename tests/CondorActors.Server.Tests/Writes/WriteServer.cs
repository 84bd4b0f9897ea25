using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests.Writes;

/// <summary>
/// The real server on the simulated pool, and requests made as a principal: each principal gets
/// a real API token (through the token registry) with the scopes asked for, <c>submit</c> by default.
/// </summary>
internal static class WriteServer
{
    private static readonly ConditionalWeakTable<RunningServer, ConcurrentDictionary<string, Task<string>>> Tokens = [];

    public static Task<RunningServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    public static Task<RunningServer> StartAsync(Action<IServiceCollection>? overrideServices, params string[] settings)
    {
        string[] args =
        [
            "--condoractors:condor:backend=simulated",
            "--condoractors:condor:simulated:seed-jobs=0",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        return RunningServer.StartAsync(configure: null, overrideServices, args);
    }

    public static SimulatedCondorPool Pool(this RunningServer server) => server.Services.GetRequiredService<SimulatedCondorPool>();

    /// <summary>A request as <paramref name="principal"/> (null: no credentials) holding <paramref name="scopes"/> (comma-separated; default submit).</summary>
    public static async Task<HttpRequestMessage> RequestAsync(this RunningServer server, HttpMethod method, string path, string? json = null, string? principal = null, string? scopes = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (principal is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync(principal, scopes ?? ApiScopes.Submit));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(this RunningServer server, HttpMethod method, string path, string? json = null, string? principal = null, string? scopes = null, string? idempotencyKey = null)
    {
        using var request = await server.RequestAsync(method, path, json, principal, scopes, idempotencyKey);
        return await server.SendJsonAsync(request);
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(this RunningServer server, HttpRequestMessage request)
    {
        var response = await server.AnonymousClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, document.RootElement.Clone());
    }

    public static Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(this RunningServer server, string path, string json, string? principal = "alice", string? idempotencyKey = null) =>
        server.SendAsync(HttpMethod.Post, path, json, principal, idempotencyKey: idempotencyKey);

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostBytesAsync(this RunningServer server, string path, byte[] body, string? contentType = "application/json")
    {
        using var request = await server.RequestAsync(HttpMethod.Post, path, principal: "alice");
        request.Content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await server.SendJsonAsync(request);
    }

    private static Task<string> TokenAsync(this RunningServer server, string principal, string scopes) =>
        Tokens.GetOrCreateValue(server).GetOrAdd($"{principal}|{scopes}", async _ =>
        {
            var (_, text) = await server.Services.GetRequiredService<TokenRegistry>().CreateAsync(
                principal, scopes.Split(',', StringSplitOptions.TrimEntries), lifetime: null, createdBy: "test", CancellationToken.None);
            return text;
        });
}
