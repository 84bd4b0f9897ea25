using BenchmarkDotNet.Attributes;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Benchmarks.Persistence;

/// <summary>
/// 1,000 concurrent writers (one persistence id each) persist events one at a time, awaiting each,
/// on SQLite with synchronous=FULL: group commit against one transaction per event (the baseline).
/// Results are per event (OperationsPerInvoke).
/// </summary>
[ShortRunJob]
public class JournalGroupCommitBenchmarks
{
    private const int Writers = 1000;
    private const int EventsPerWriter = 3;

    private string _directory = "";
    private JournalStores _stores = null!;
    private int _run;

    [GlobalSetup(Target = nameof(OneTransactionPerEvent))]
    public void SetUpBaseline() => SetUp(groupCommit: false);

    [GlobalSetup(Target = nameof(GroupCommit))]
    public void SetUpGroupCommit() => SetUp(groupCommit: true);

    [GlobalCleanup]
    public void CleanUp()
    {
        _stores.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Writers * EventsPerWriter)]
    public Task OneTransactionPerEvent() => WriteAsync();

    [Benchmark(OperationsPerInvoke = Writers * EventsPerWriter)]
    public Task GroupCommit() => WriteAsync();

    private void SetUp(bool groupCommit)
    {
        _directory = Path.Combine(Path.GetTempPath(), "condoractors-bench", Guid.NewGuid().ToString("N"));
        var options = new JournalOptions { Provider = JournalOptions.SqliteProvider, DataDir = _directory, GroupCommit = groupCommit };
        _stores = JournalStores.Create(options, NullLoggerFactory.Instance);
        _stores.EnsureSchemaAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private Task WriteAsync()
    {
        // Fresh ids every invocation, so every writer starts at sequence number 1.
        var run = Interlocked.Increment(ref _run);
        var journal = _stores.Journal;
        return Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            var persistenceId = $"bench-{run}-{w}";
            for (var seq = 1; seq <= EventsPerWriter; seq++)
            {
                await journal.WriteAsync([new JournalEntry(persistenceId, seq, "bench.v1", "{\"state\":\"Running\",\"slots\":8}", DateTimeOffset.UtcNow, "bench")]);
            }
        }));
    }
}
