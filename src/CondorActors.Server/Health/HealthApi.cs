using System.Reflection;
using CondorActors.Domain.Condor;
using CondorActors.Kernel.Actors;
using CondorActors.Kernel.Persistence;

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
            .WithSummary("Liveness, with the HTCondor backend in use and why it was chosen.")
            .AllowAnonymous();
        endpoints.MapGet("/readyz", GetReadinessAsync)
            .WithName("GetReadiness")
            .WithSummary("Readiness: the journal answers and the actor system runs; 503 otherwise.")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> GetReadinessAsync(
        IJournal journal,
        JournalOptions journalOptions,
        ActorSystem actors,
        CondorBackendSelection backend,
        CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal);
        var ready = true;
        try
        {
            // Any read proves the store is reachable and its schema is in place.
            await journal.ReadHighestSequenceNrAsync("readiness-probe", cancellationToken).ConfigureAwait(false);
            checks["journal"] = $"ok ({journalOptions.Provider})";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ready = false;
            checks["journal"] = $"failing ({journalOptions.Provider}): {ex.GetType().Name}";
        }

        checks["actors"] = actors.IsShuttingDown ? "terminating" : "ok";
        ready &= !actors.IsShuttingDown;
        var report = new ReadinessReport(ready ? "ready" : "not-ready", backend.Name, checks);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static HealthReport GetHealth(CondorBackendSelection backend, TimeProvider time) =>
        new("ok", backend.Name, backend.Reason, Version, time.GetUtcNow());
}
