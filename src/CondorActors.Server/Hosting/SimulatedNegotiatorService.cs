using CondorActors.Domain.Condor.Simulated;

namespace CondorActors.Server.Hosting;

/// <summary>
/// On the simulated backend, the stand-in for HTCondor's negotiator: every
/// <c>condoractors.condor.simulated.negotiation-interval</c> it runs one negotiation cycle of the
/// simulated pool (<see cref="SimulatedCondorPool.Negotiate"/>), so jobs start on willing slots
/// (a glidein's, once its batch job runs) without anyone's help. Registered only when the
/// backend is simulated and the interval is not zero; it never runs against a real pool.
/// </summary>
internal sealed partial class SimulatedNegotiatorService(
    SimulatedCondorPool pool,
    TimeSpan interval,
    TimeProvider time,
    ILogger<SimulatedNegotiatorService> logger) : BackgroundService
{
    public static void Register(IServiceCollection services, TimeSpan interval)
    {
        services.AddHostedService(provider => new SimulatedNegotiatorService(
            provider.GetRequiredService<SimulatedCondorPool>(),
            interval,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SimulatedNegotiatorService>>()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, interval);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Cycle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private void Cycle()
    {
        try
        {
            foreach (var match in pool.Negotiate())
            {
                LogMatched(logger, match.Job.ToString(), match.Slot);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad cycle (an ad the evaluator chokes on) must not end negotiation for good.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated negotiator (simulated backend, no HTCondor): a cycle every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated negotiator: job {Job} started on {Slot}")]
    private static partial void LogMatched(ILogger logger, string job, string slot);

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulated negotiator: cycle failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
