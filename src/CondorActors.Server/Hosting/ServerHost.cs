using CondorActors.Domain.Condor;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Persistence;
using CondorActors.Server.Health;
using CondorActors.Server.Problems;

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
        builder.Services.AddSingleton(CondorBackendSelection.Resolve(
            builder.Configuration["condoractors:condor:backend"] ?? "auto",
            builder.Configuration["condoractors:condor:binaries"],
            Environment.GetEnvironmentVariable("PATH")));

        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BackendHeaderMiddleware>();
        app.MapHealthApi();
        return app;
    }
}
