using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Queries;

internal sealed partial class QueryActor
{
    /// <summary>
    /// Answer <paramref name="Read"/> through <paramref name="Reply"/>: an <see cref="AdAnswer"/>
    /// for ad reads, an <c>IReadOnlyDictionary&lt;string, string&gt;</c> for config, or an exception.
    /// A reply the reader already abandoned (cancelled) is detected by <c>TrySet*</c> failing, so
    /// a streamed answer nobody takes is disposed instead of leaking its command slot.
    /// </summary>
    public sealed record Execute(CondorRead Read, TaskCompletionSource<object> Reply);

    /// <summary>Asks for <see cref="Queries.QueryStats"/>.</summary>
    public sealed record GetQueryStats
    {
        private GetQueryStats()
        {
        }

        public static GetQueryStats Instance { get; } = new();
    }

    // Results piped back from flight tasks, and timers. Each names its flight by id, so a late
    // result of a flight that already timed out only frees its slot.
    private sealed record FlightCompleted(long FlightId, object Answer);

    private sealed record FlightOverflowed(long FlightId, List<ClassAd> Prefix, IAsyncEnumerator<ClassAd> Rest);

    private sealed record FlightFailed(long FlightId, Exception Cause);

    private sealed record FlightTimedOut(long FlightId);

    private sealed record StreamReleased(long FlightId);

    private sealed record SweepCache
    {
        public static SweepCache Instance { get; } = new();
    }
}
