using System.Text.Json.Nodes;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>
/// The behaviour every journal and snapshot store must show, run against each provider by a
/// subclass that supplies fresh, private storage for every test.
/// </summary>
public abstract partial class JournalContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    private readonly List<JournalStores> _opened = [];
    private JournalOptions _options = null!;
    private JournalStores _stores = null!;

    protected IJournal Journal => _stores.Journal;

    protected ISnapshotStore Snapshots => _stores.SnapshotStore;

    /// <summary>Where this test's data lives.</summary>
    protected JournalOptions StorageOptions => _options;

    /// <summary>Options pointing at storage no other test uses.</summary>
    protected abstract Task<JournalOptions> CreateFreshStorageAsync();

    /// <summary>The schema versions recorded in the storage of <paramref name="options"/>.</summary>
    protected abstract Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(JournalOptions options);

    /// <summary>Every migration version the provider defines, in order: what a current database records.</summary>
    protected abstract IReadOnlyList<int> KnownSchemaVersions { get; }

    protected virtual Task DeleteStorageAsync(JournalOptions options) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _options = await CreateFreshStorageAsync();
        _stores = Open();
    }

    public async Task DisposeAsync()
    {
        foreach (var stores in _opened)
        {
            await stores.DisposeAsync();
        }

        await DeleteStorageAsync(_options);
    }

    /// <summary>Another store instance on the same storage, as a second node or a restart would open it.</summary>
    private protected JournalStores Open(bool groupCommit = true, string writerNode = "node-a")
    {
        var options = new JournalOptions
        {
            Provider = _options.Provider,
            ConnectionString = _options.ConnectionString,
            DataDir = _options.DataDir,
            WriterNode = writerNode,
            GroupCommit = groupCommit,
        };
        var stores = JournalStores.Create(options, NullLoggerFactory.Instance);
        _opened.Add(stores);
        return stores;
    }

    /// <summary>Closes the current stores (flushing) and opens new ones on the same storage.</summary>
    protected async Task ReopenAsync()
    {
        await _stores.DisposeAsync();
        _stores = Open();
    }

    protected static JournalEntry Event(string persistenceId, long sequenceNr, string payload = "{\"n\":0}", string manifest = "test-event.v1") =>
        new(persistenceId, sequenceNr, manifest, payload, T0.AddSeconds(sequenceNr), "node-a");

    protected static JournalEntry[] Events(string persistenceId, long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => Event(persistenceId, n, $"{{\"n\":{n}}}"))];

    protected static async Task<List<JournalEntry>> ReplayAllAsync(IJournal journal, string persistenceId, long from = 1, long to = long.MaxValue)
    {
        var replayed = new List<JournalEntry>();
        await journal.ReplayAsync(persistenceId, from, to, e =>
        {
            replayed.Add(e);
            return ValueTask.CompletedTask;
        });
        return replayed;
    }

    protected static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"JSON differs: expected {expected}, got {actual}");

    protected static long[] SequenceNrs(IEnumerable<JournalEntry> entries) => [.. entries.Select(e => e.SequenceNr)];

    protected static long[] Range(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => (long)n)];
}
