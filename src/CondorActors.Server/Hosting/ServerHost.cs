using CondorActors.Domain.Condor;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Persistence;
using CondorActors.Server.Api;
using CondorActors.Server.Health;
using CondorActors.Server.Problems;
using CondorActors.Server.Security;

namespace CondorActors.Server.Hosting;

/// <summary>Builds the ASP.NET host: configuration, services, middleware and endpoints.</summary>
internal static class ServerHost
{
    /// <summary>htcondor-restd's port, on loopback: exposing the API is an explicit decision.</summary>
    public const string DefaultUrl = "http://127.0.0.1:9680";

    /// <summary>Builds the server; <paramref name="overrideServices"/> runs last (tests replace dependencies there).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddCondorActorsConfiguration(args);

        // --urls, ASPNETCORE_URLS and configuration all land in "urls"; only then is the default replaced.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(builder.Configuration["condoractors:http:urls"] ?? DefaultUrl);
        }

        builder.Services.AddCondorProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddJournal(JournalSettings.From(builder.Configuration));
        builder.Services.AddActorSystem("condoractors");
        var condor = ServerSettings.CondorOptions(builder.Configuration);
        var backend = CondorBackendSelection.Resolve(condor.Backend, condor.Binaries, Environment.GetEnvironmentVariable("PATH"));
        builder.Services.AddSingleton(backend);
        builder.Services.AddCondorGateway(backend, condor, ServerSettings.SimulatedOptions(builder.Configuration));
        builder.Services.AddCondorApi(builder.Configuration);
        builder.AddCondorSecurity();

        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BackendHeaderMiddleware>();
        app.UseRouting();
        app.UseCors(ApiSetup.CorsPolicy);
        app.UseCondorSecurity();
        app.MapHealthApi();
        app.MapCondorApi();
        app.MapAdminApi();
        return app;
    }
}
