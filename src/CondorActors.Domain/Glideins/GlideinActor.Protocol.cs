using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Glideins;

/// <summary>One poll's observation of a glidein, fanned out by its site (see <see cref="GlideinEvidence"/>).</summary>
public sealed record ObserveGlidein(DateTimeOffset At, bool BatchKnown, BatchJobStatus? Batch, GlideinAds? Ads)
{
    /// <summary>The batch job id the site looked up; null when it looked by the glidein's name (it did not know the id yet).</summary>
    public string? BatchJobId { get; init; }
}

/// <summary>Stop taking new jobs; vacate whatever still runs at <paramref name="Deadline"/>.</summary>
public sealed record DrainGlidein(DateTimeOffset Deadline, string Cause);

/// <summary>Stop the glidein now (force): it dies and its cleanup begins.</summary>
public sealed record CancelGlidein(string Cause);

/// <summary>Asks for the glidein's <see cref="GlideinState"/>.</summary>
public sealed record GetGlidein
{
    private GetGlidein()
    {
    }

    public static GetGlidein Instance { get; } = new();
}

/// <summary>Told to the site whenever the glidein's phase or batch job changes (and after recovery).</summary>
public sealed record GlideinStatusChanged(string GlideinId, GlideinPhase Phase, string? BatchJobId);

/// <summary>Told to the site once the glidein is cleaned up; the actor then stops.</summary>
public sealed record GlideinFinished(string GlideinId);

/// <summary>A cleanup step could not confirm its effect (ads still advertised, jobs still running).</summary>
public sealed class GlideinCleanupException(string message) : Exception(message)
{
    /// <summary>Jobs the failed attempt sent condor_vacate_job for again (recorded with the failure).</summary>
    public IReadOnlyList<string> VacateResent { get; init; } = [];
}

public sealed partial class GlideinActor
{
    private sealed record Resume
    {
        public static Resume Instance { get; } = new();
    }

    private sealed record SubmitBatchJob
    {
        public static SubmitBatchJob Instance { get; } = new();
    }

    private sealed record RunCleanup
    {
        public static RunCleanup Instance { get; } = new();
    }

    private sealed record DrainDeadlineReached
    {
        public static DrainDeadlineReached Instance { get; } = new();
    }
}
