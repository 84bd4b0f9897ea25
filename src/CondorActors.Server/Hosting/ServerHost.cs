using CondorActors.Domain.Condor;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Options;
using CondorActors.Kernel.Persistence;
using CondorActors.Server.Api;
using CondorActors.Server.Api.Glideins;
using CondorActors.Server.Health;
using CondorActors.Server.Problems;
using CondorActors.Server.Security;

namespace CondorActors.Server.Hosting;

/// <summary>Builds the ASP.NET host: configuration, services, middleware and endpoints.</summary>
internal static class ServerHost
{
    /// <summary>Builds the server; <paramref name="overrideServices"/> runs last (tests replace dependencies there).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddCondorActorsConfiguration(args, DefaultConfiguration.Source());

        // Bound and validated once, before any service is registered: a bad setting stops the
        // server here with every bad HOCON path (ValidateOnStart checks the IOptions<T> again).
        var settings = CondorActorsOptionsRegistration.BindValidated(builder.Configuration);

        // --urls, ASPNETCORE_URLS and configuration all land in "urls"; only then is the default replaced.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(settings.Http.Urls);
        }

        builder.Services.AddCondorProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddJournal(RuntimeOptions.Journal(settings));
        builder.Services.AddActorSystem("condoractors");
        var condor = RuntimeOptions.Gateway(settings.Condor);
        var backend = CondorBackendSelection.Resolve(condor.Backend, condor.Binaries, Environment.GetEnvironmentVariable("PATH"));
        builder.Services.AddSingleton(backend);
        builder.Services.AddCondorGateway(backend, condor, RuntimeOptions.SimulatedPool(settings.Condor));
        if (backend.Kind == CondorBackendKind.Simulated && settings.Condor.Simulated.NegotiationInterval > TimeSpan.Zero)
        {
            SimulatedNegotiatorService.Register(builder.Services, settings.Condor.Simulated.NegotiationInterval);
        }

        builder.Services.AddCondorApi(RuntimeOptions.Api(settings.Api), RuntimeOptions.Queries(settings.Condor), RuntimeOptions.Submit(settings));
        builder.AddCondorSecurity(settings);
        builder.Services.AddGlideinSites(settings);

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
        app.MapGlideinsApi();
        return app;
    }
}
