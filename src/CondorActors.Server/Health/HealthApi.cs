using System.Reflection;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Health;

/// <summary><c>/healthz</c> (the process serves) and <c>/readyz</c> (it can do its work).</summary>
internal static class HealthApi
{
    private static readonly string Version =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Liveness, with the HTCondor backend in use and why it was chosen.");
        return endpoints;
    }

    private static HealthReport GetHealth(CondorBackendSelection backend, TimeProvider time) =>
        new("ok", backend.Name, backend.Reason, Version, time.GetUtcNow());
}
