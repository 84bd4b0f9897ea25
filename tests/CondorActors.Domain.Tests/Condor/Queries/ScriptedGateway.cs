using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;

namespace CondorActors.Domain.Tests.Condor.Queries;

/// <summary>
/// A gateway whose job queries answer <see cref="AdsPerQuery"/> ads once their gate opens; counts
/// commands and the most running at once. Gates are per constraint text ("" for none).
/// </summary>
internal sealed class ScriptedGateway : ICondorGateway
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private int _running;
    private int _commands;
    private int _maxRunning;
    private int _cancelled;

    public int AdsPerQuery { get; set; } = 3;

    public Exception? Failure { get; set; }

    /// <summary>Constraints whose gates start open.</summary>
    public HashSet<string> OpenGates { get; } = [];

    public int Commands => Volatile.Read(ref _commands);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public int Running => Volatile.Read(ref _running);

    public int Cancelled => Volatile.Read(ref _cancelled);

    public CondorBackendKind Backend => CondorBackendKind.Simulated;

    public void Open(string constraint = "") => Gate(constraint).TrySetResult();

    public IAsyncEnumerable<ClassAd> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default) =>
        RunAsync(query.Constraint ?? string.Empty, cancellationToken);

    public IAsyncEnumerable<ClassAd> QueryHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        RunAsync(query.Constraint ?? string.Empty, cancellationToken);

    public IAsyncEnumerable<ClassAd> QueryStatusAsync(StatusQuery query, CancellationToken cancellationToken = default) =>
        RunAsync(query.Constraint ?? string.Empty, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> GetConfigAsync(ConfigQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commands);
        await Gate(string.Empty).Task.WaitAsync(cancellationToken);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["FOO"] = "bar" };
    }

    private TaskCompletionSource Gate(string constraint) =>
        _gates.GetOrAdd(constraint, key =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (OpenGates.Contains(key))
            {
                gate.TrySetResult();
            }

            return gate;
        });

    private async IAsyncEnumerable<ClassAd> RunAsync(string constraint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        try
        {
            try
            {
                await Gate(constraint).Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            if (Failure is { } failure)
            {
                throw failure;
            }

            for (var i = 0; i < AdsPerQuery; i++)
            {
                var ad = new ClassAd();
                ad.Set("ClusterId", ClassAdValue.FromInteger(1));
                ad.Set("ProcId", ClassAdValue.FromInteger(i));
                yield return ad;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
