using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Tests.Batch;

public sealed class BatchRetryTests
{
    private static readonly BatchRetryPolicy Policy = new()
    {
        MaxAttempts = 4,
        InitialDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(3),
        Jitter = 0.2,
    };

    [Fact]
    public void Delays_grow_exponentially_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 4).Select(n => Policy.DelayBefore(n, random01: 0.5)).ToArray();

        Assert.Equal([1000.0, 2000.0, 3000.0, 3000.0], delays.Select(d => d.TotalMilliseconds));
    }

    [Theory]
    [InlineData(0.0, 800)]
    [InlineData(0.999999, 1200)]
    public void Jitter_spreads_the_delay_both_ways(double random, double expectedMs) =>
        Assert.Equal(expectedMs, Policy.DelayBefore(1, random).TotalMilliseconds, precision: 0);

    [Fact]
    public void Retry_after_from_the_server_is_a_floor()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Policy.DelayBefore(1, 0.5, retryAfter: TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.DelayBefore(1, 0.5, retryAfter: TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_an_answer_comes()
    {
        var retry = new BatchRetry(Policy with { InitialDelay = TimeSpan.Zero }, TimeProvider.System);
        var calls = 0;

        var answer = await retry.ExecuteAsync(
            _ => ++calls < 3 ? throw new BatchSystemUnavailableException("down") : Task.FromResult("up"),
            CancellationToken.None);

        Assert.Equal("up", answer);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task The_last_transient_failure_is_thrown_after_max_attempts()
    {
        var retry = new BatchRetry(Policy with { InitialDelay = TimeSpan.Zero }, TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => retry.ExecuteAsync<int>(
            _ => throw new BatchSystemUnavailableException("down " + ++calls), CancellationToken.None));

        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Refusals_and_filtered_failures_are_not_retried()
    {
        var retry = new BatchRetry(Policy with { InitialDelay = TimeSpan.Zero }, TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<BatchCommandException>(() => retry.ExecuteAsync<int>(
            _ => throw new BatchCommandException("no " + ++calls), CancellationToken.None));
        await Assert.ThrowsAsync<BatchSystemUnavailableException>(() => retry.ExecuteAsync<int>(
            _ => throw new BatchSystemUnavailableException("maybe " + ++calls, mayHaveTakenEffect: true),
            CancellationToken.None,
            canRetry: ex => !ex.MayHaveTakenEffect));

        Assert.Equal(2, calls);
    }
}
