using CondorActors.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests;

/// <summary>The real server on Kestrel, bound to a free loopback port, with a client for it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address, string dataDir)
    {
        _app = app;
        DataDir = dataDir;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The server's own data folder, deleted when the server is disposed.</summary>
    public string DataDir { get; }

    public HttpClient Client { get; }

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
        string[] args = ["--urls", "http://127.0.0.1:0", $"--condoractors:data-dir={dataDir}", .. arguments];
        var app = ServerHost.Build(args, overrideServices);
        configure?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, new Uri(address), dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }
}
