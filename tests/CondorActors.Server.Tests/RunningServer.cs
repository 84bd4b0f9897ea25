using System.Net.Http.Headers;
using CondorActors.Server.Hosting;
using CondorActors.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests;

/// <summary>
/// The real server on Kestrel, bound to a free loopback port, with clients for it: <see cref="Client"/>
/// carries an admin token made through the token registry at start, <see cref="AnonymousClient"/> none.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private RunningServer(WebApplication app, Uri address, string dataDir, string? adminToken)
    {
        _app = app;
        Address = address;
        DataDir = dataDir;
        AdminToken = adminToken;
        Client = ClientWith(adminToken);
        AnonymousClient = ClientWith(token: null);
    }

    public Uri Address { get; }

    /// <summary>The server's own data folder, deleted when the server is disposed.</summary>
    public string DataDir { get; }

    /// <summary>The text of the admin token <see cref="Client"/> sends (principal <c>test-admin</c>); null when the journal failed.</summary>
    public string? AdminToken { get; }

    /// <summary>Authenticated as <c>test-admin</c> (scope admin, which implies every scope).</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no credentials.</summary>
    public HttpClient AnonymousClient { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the server with a private data folder; extra arguments override settings.</summary>
    public static Task<RunningServer> StartAsync(params string[] arguments) => StartAsync(configure: null, arguments);

    /// <summary>As above; <paramref name="configure"/> may map extra endpoints before the server starts.</summary>
    public static Task<RunningServer> StartAsync(Action<WebApplication>? configure, params string[] arguments) =>
        StartAsync(configure, overrideServices: null, arguments);

    /// <summary>As above; <paramref name="overrideServices"/> replaces registrations (fakes) before the build.</summary>
    public static async Task<RunningServer> StartAsync(
        Action<WebApplication>? configure,
        Action<IServiceCollection>? overrideServices,
        params string[] arguments)
    {
        var dataDir = Directory.CreateTempSubdirectory("condoractors-server-").FullName;
        // Rate limits high enough for any functional test; security tests lower them explicitly.
        // The simulated pool as reference.conf has it (4 static slots, no negotiator), not the
        // embedded default's demo choices: jobs stay where a test puts them.
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", $"--condoractors:data-dir={dataDir}",
            "--condoractors:auth:rate-limits:read-per-minute=0", "--condoractors:auth:rate-limits:write-per-minute=0",
            "--condoractors:condor:simulated:slots=4", "--condoractors:condor:simulated:negotiation-interval=0s",
            .. arguments,
        ];
        var app = ServerHost.Build(args, overrideServices);
        configure?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        string? adminToken;
        try
        {
            (_, adminToken) = await app.Services.GetRequiredService<TokenRegistry>()
                .CreateAsync("test-admin", [ApiScopes.Admin], lifetime: null, createdBy: "test", CancellationToken.None);
        }
        catch (IOException)
        {
            // Tests that replace the journal with a failing one only call anonymous routes.
            adminToken = null;
        }

        return new RunningServer(app, new Uri(address), dataDir, adminToken);
    }

    /// <summary>Issues a token through the registry (as the <c>token create</c> command does).</summary>
    public async Task<string> CreateTokenAsync(string name, string[] scopes, TimeSpan? lifetime = null)
    {
        var (_, text) = await Services.GetRequiredService<TokenRegistry>().CreateAsync(name, scopes, lifetime, "test", CancellationToken.None);
        return text;
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="token"/></c> (none when null); disposed with the server.</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }
}
