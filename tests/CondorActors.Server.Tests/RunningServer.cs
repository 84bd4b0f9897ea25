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

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the server with a private data folder; extra arguments override settings.</summary>
    public static Task<RunningServer> StartAsync(params string[] arguments) => StartAsync(configure: null, arguments);

    /// <summary>As above; <paramref name="configure"/> may map extra endpoints before the server starts.</summary>
    public static async Task<RunningServer> StartAsync(Action<WebApplication>? configure, params string[] arguments)
    {
        string[] args = ["--urls", "http://127.0.0.1:0", .. arguments];
        var app = ServerHost.Build(args);
        configure?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
