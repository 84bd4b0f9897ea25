using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests.Writes;

/// <summary>
/// The real server on the simulated pool, with a stand-in for authentication: the
/// <c>X-Test-Principal</c> and <c>X-Test-Scopes</c> headers become the request's user (what the
/// token layer will produce), so ownership rules can be exercised now.
/// </summary>
internal static class WriteServer
{
    public const string PrincipalHeader = "X-Test-Principal";
    public const string ScopesHeader = "X-Test-Scopes";

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
        return RunningServer.StartAsync(app => app.Use(AuthenticateFromTestHeaders), overrideServices, args);
    }

    public static SimulatedCondorPool Pool(this RunningServer server) => server.Services.GetRequiredService<SimulatedCondorPool>();

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? principal = null, string? scopes = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (principal is not null)
        {
            request.Headers.Add(PrincipalHeader, principal);
        }

        if (scopes is not null)
        {
            request.Headers.Add(ScopesHeader, scopes);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(this RunningServer server, HttpRequestMessage request)
    {
        var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, document.RootElement.Clone());
    }

    public static Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(this RunningServer server, string path, string json, string? principal = "alice", string? idempotencyKey = null) =>
        server.SendJsonAsync(Request(HttpMethod.Post, path, json, principal, idempotencyKey: idempotencyKey));

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostBytesAsync(this RunningServer server, string path, byte[] body, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Add(PrincipalHeader, "alice");
        return await server.SendJsonAsync(request);
    }

    private static Task AuthenticateFromTestHeaders(HttpContext http, Func<Task> next)
    {
        if (http.Request.Headers.TryGetValue(PrincipalHeader, out var name))
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, name.ToString()) };
            foreach (var scope in http.Request.Headers[ScopesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                claims.Add(new Claim(Scopes.ClaimType, scope));
            }

            http.User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
        }

        return next();
    }
}
