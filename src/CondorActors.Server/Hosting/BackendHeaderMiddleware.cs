using CondorActors.Domain.Condor;

namespace CondorActors.Server.Hosting;

/// <summary>Names the HTCondor backend on every response, so simulated data is never mistaken for real.</summary>
internal sealed class BackendHeaderMiddleware(RequestDelegate next, CondorBackendSelection backend)
{
    public const string HeaderName = "X-Condor-Backend";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = backend.Name;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
