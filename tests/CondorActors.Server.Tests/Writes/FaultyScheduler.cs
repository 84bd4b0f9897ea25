using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Simulated;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests.Writes;

/// <summary>
/// The simulated schedd with injected faults: <see cref="FailAfterSubmit"/> lets the submit
/// happen and then fails, as a controller crash or a lost tool answer would (the jobs exist, the
/// controller does not know); <see cref="Reject"/> refuses descriptions as condor_submit does.
/// </summary>
internal sealed class FaultyScheduler(SimulatedCondorPool pool) : ICondorScheduler
{
    public volatile bool FailAfterSubmit;

    public volatile string? Reject;

    public CondorBackendKind Backend => pool.Backend;

    /// <summary>Registers <paramref name="scheduler"/> (and optionally a shared <paramref name="sharedPool"/>) over the server's own.</summary>
    public static Action<IServiceCollection> Install(Func<SimulatedCondorPool, FaultyScheduler> scheduler, SimulatedCondorPool? sharedPool = null) => services =>
    {
        if (sharedPool is not null)
        {
            services.AddSingleton(sharedPool);
        }

        services.AddSingleton(provider => scheduler(provider.GetRequiredService<SimulatedCondorPool>()));
        services.AddSingleton<ICondorScheduler>(provider => provider.GetRequiredService<FaultyScheduler>());
    };

    public async Task<SubmittedJobs> SubmitAsync(string description, int count, CancellationToken cancellationToken = default)
    {
        if (Reject is { } reason)
        {
            throw new CondorSubmitRejectedException(reason);
        }

        var jobs = await pool.SubmitAsync(description, count, cancellationToken);
        return FailAfterSubmit ? throw new CondorUnreachableException("HTCondor is unreachable: the answer was lost") : jobs;
    }

    public Task<JobActionResult> ActAsync(JobAction action, JobTarget target, string? reason = null, CancellationToken cancellationToken = default) =>
        pool.ActAsync(action, target, reason, cancellationToken);
}
