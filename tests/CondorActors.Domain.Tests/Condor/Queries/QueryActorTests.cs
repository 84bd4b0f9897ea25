using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using CondorActors.TestKit;

namespace CondorActors.Domain.Tests.Condor.Queries;

public sealed class QueryActorTests : ActorTestBase
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedGateway _gateway = new();

    protected override TimeProvider CreateTimeProvider() => _time;

    [Fact]
    public async Task Hundred_identical_concurrent_reads_run_one_command()
    {
        // No cache: only coalescing can share the command.
        var queries = Create(new QueryOptions { CacheTtl = TimeSpan.Zero });

        var reads = Enumerable.Range(0, 100).Select(_ => ReadAllAsync(queries, "Owner == \"a\"")).ToList();
        await AwaitAssertAsync(() => Assert.Equal(100, Stats(queries).Waiting));
        _gateway.Open("Owner == \"a\"");
        var answers = await Task.WhenAll(reads);

        Assert.Equal(1, _gateway.Commands);
        Assert.All(answers, ads => Assert.Equal(3, ads.Count));
    }

    [Fact]
    public async Task Cached_answer_is_served_until_the_ttl_passes()
    {
        var queries = Create(new QueryOptions { CacheTtl = TimeSpan.FromSeconds(1) });
        _gateway.Open();

        await ReadAllAsync(queries);
        await ReadAllAsync(queries);
        Assert.Equal(1, _gateway.Commands);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        await ReadAllAsync(queries);
        Assert.Equal(1, _gateway.Commands);

        _time.Advance(TimeSpan.FromMilliseconds(2));
        await ReadAllAsync(queries);
        Assert.Equal(2, _gateway.Commands);
        Assert.Equal(2, Stats(queries).CacheHits);
    }

    [Fact]
    public async Task Zero_ttl_runs_a_command_for_every_sequential_read()
    {
        var queries = Create(new QueryOptions { CacheTtl = TimeSpan.Zero });
        _gateway.Open();

        await ReadAllAsync(queries);
        await ReadAllAsync(queries);

        Assert.Equal(2, _gateway.Commands);
    }

    [Fact]
    public async Task Equivalent_constraints_share_a_command()
    {
        var queries = Create(new QueryOptions());
        _gateway.OpenGates.UnionWith(["Owner==\"a\"&&JobStatus==1", "Owner == \"a\" && JobStatus == 1"]);

        await ReadAllAsync(queries, "Owner==\"a\"&&JobStatus==1");
        await ReadAllAsync(queries, "Owner == \"a\" && JobStatus == 1");

        Assert.Equal(1, _gateway.Commands);
    }

    [Fact]
    public async Task At_most_the_configured_number_of_commands_run_at_once()
    {
        var queries = Create(new QueryOptions { MaxConcurrentCommands = 2 });

        var reads = Enumerable.Range(0, 5).Select(i => ReadAllAsync(queries, $"ProcId == {i}")).ToList();
        await AwaitAssertAsync(() => Assert.Equal((2, 3), (Stats(queries).Running, Stats(queries).Pending)));
        Assert.Equal(2, _gateway.Running);
        for (var i = 0; i < 5; i++)
        {
            _gateway.Open($"ProcId == {i}");
        }

        await Task.WhenAll(reads);
        Assert.Equal(5, _gateway.Commands);
        Assert.Equal(2, _gateway.MaxRunning);
    }

    [Fact]
    public async Task A_failure_reaches_every_waiting_reader()
    {
        var queries = Create(new QueryOptions());
        _gateway.Failure = new CondorUnreachableException("Couldn't contact the condor_schedd");

        var reads = Enumerable.Range(0, 10).Select(_ => ReadAllAsync(queries)).ToList();
        await AwaitAssertAsync(() => Assert.Equal(10, Stats(queries).Waiting));
        _gateway.Open();

        foreach (var read in reads)
        {
            await Assert.ThrowsAsync<CondorUnreachableException>(() => read);
        }

        Assert.Equal(1, _gateway.Commands);
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        var queries = Create(new QueryOptions());
        _gateway.Failure = new CondorUnreachableException("down");
        _gateway.Open();
        await Assert.ThrowsAsync<CondorUnreachableException>(() => ReadAllAsync(queries));

        _gateway.Failure = null;
        var ads = await ReadAllAsync(queries);

        Assert.Equal(3, ads.Count);
        Assert.Equal(2, _gateway.Commands);
    }

    [Fact]
    public async Task A_slow_read_does_not_delay_a_fast_different_one()
    {
        var queries = Create(new QueryOptions());
        _gateway.OpenGates.Add("fast");

        var slow = ReadAllAsync(queries, "slow");
        var fast = await ReadAllAsync(queries, "fast");

        Assert.Equal(3, fast.Count);
        Assert.False(slow.IsCompleted);
        _gateway.Open("slow");
        Assert.Equal(3, (await slow).Count);
    }

    [Fact]
    public async Task A_read_past_its_timeout_fails_and_its_command_is_cancelled()
    {
        var queries = Create(new QueryOptions { QueryTimeout = TimeSpan.FromSeconds(5) });

        var read = ReadAllAsync(queries);
        await AwaitAssertAsync(() => Assert.Equal(1, _gateway.Running));
        _time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<CondorTimeoutException>(() => read);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        await AwaitAssertAsync(() => Assert.Equal((1, 0), (_gateway.Cancelled, Stats(queries).Running)));
    }

    [Fact]
    public async Task A_queued_read_times_out_without_running_a_command()
    {
        var queries = Create(new QueryOptions { MaxConcurrentCommands = 1, QueryTimeout = TimeSpan.FromSeconds(5) });
        var first = ReadAllAsync(queries, "first");
        await AwaitAssertAsync(() => Assert.Equal(1, _gateway.Running));
        _time.Advance(TimeSpan.FromSeconds(3));
        var queued = ReadAllAsync(queries, "queued");
        await AwaitAssertAsync(() => Assert.Equal(1, Stats(queries).Pending));

        _time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<CondorTimeoutException>(() => first);
        _time.Advance(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<CondorTimeoutException>(() => queued);
        Assert.Equal(0, Stats(queries).Pending);
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_is_streamed_to_its_reader_and_not_cached()
    {
        var queries = Create(new QueryOptions { MaxSharedAds = 10 });
        _gateway.AdsPerQuery = 25;
        _gateway.Open();

        await using (var answer = await queries.ReadAdsAsync(new ReadJobs(new JobQuery())))
        {
            Assert.True(answer.IsStreamed);
            Assert.Null(answer.Complete);
            Assert.Equal(25, await CountAsync(answer));
        }

        await ReadAllAsync(queries);
        Assert.Equal(2, _gateway.Commands);
        Assert.Equal(0, Stats(queries).CacheEntries);
    }

    [Fact]
    public async Task Readers_waiting_on_an_oversized_answer_each_get_all_of_it()
    {
        var queries = Create(new QueryOptions { MaxSharedAds = 10 });
        _gateway.AdsPerQuery = 25;

        var reads = Enumerable.Range(0, 4).Select(_ => ReadAllAsync(queries)).ToList();
        await AwaitAssertAsync(() => Assert.Equal(4, Stats(queries).Waiting));
        _gateway.Open();

        Assert.All(await Task.WhenAll(reads), ads => Assert.Equal(25, ads.Count));
        Assert.Equal(4, _gateway.Commands);
    }

    [Fact]
    public async Task A_streamed_answer_holds_its_command_slot_until_disposed()
    {
        var queries = Create(new QueryOptions { MaxSharedAds = 1, MaxConcurrentCommands = 1 });
        _gateway.AdsPerQuery = 5;
        _gateway.OpenGates.UnionWith(["", "other"]);
        var stream = await queries.ReadAdsAsync(new ReadJobs(new JobQuery()));

        var other = ReadAllAsync(queries, "other");
        await AwaitAssertAsync(() => Assert.Equal(1, Stats(queries).Pending));
        Assert.False(other.IsCompleted);

        await stream.DisposeAsync();
        Assert.Equal(5, (await other).Count);
    }

    [Fact]
    public async Task Config_reads_are_coalesced()
    {
        var queries = Create(new QueryOptions { CacheTtl = TimeSpan.Zero });

        var reads = Enumerable.Range(0, 20).Select(_ => queries.ReadConfigAsync(ConfigQuery.For("FOO"))).ToList();
        await AwaitAssertAsync(() => Assert.Equal(20, Stats(queries).Waiting));
        _gateway.Open();

        Assert.All(await Task.WhenAll(reads), values => Assert.Equal("bar", values["foo"]));
        Assert.Equal(1, _gateway.Commands);
    }

    [Fact]
    public async Task A_cancelled_reader_leaves_the_others_their_answer()
    {
        var queries = Create(new QueryOptions());
        using var cancel = new CancellationTokenSource();
        var abandoned = queries.ReadAdsAsync(new ReadJobs(new JobQuery()), cancel.Token);
        var kept = ReadAllAsync(queries);
        await AwaitAssertAsync(() => Assert.Equal(2, Stats(queries).Waiting));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        _gateway.Open();

        Assert.Equal(3, (await kept).Count);
    }

    private CondorQueries Create(QueryOptions options) => new(Sys, _gateway, options);

    private static QueryStats Stats(CondorQueries queries) => queries.GetStatsAsync().GetAwaiter().GetResult();

    private static async Task<List<ClassAd>> ReadAllAsync(CondorQueries queries, string constraint = "")
    {
        await using var answer = await queries.ReadAdsAsync(new ReadJobs(new JobQuery { Constraint = constraint.Length == 0 ? null : constraint }));
        var ads = new List<ClassAd>();
        await foreach (var ad in answer)
        {
            ads.Add(ad);
        }

        return ads;
    }

    private static async Task<int> CountAsync(AdAnswer answer)
    {
        var count = 0;
        await foreach (var ad in answer)
        {
            count++;
        }

        return count;
    }
}
