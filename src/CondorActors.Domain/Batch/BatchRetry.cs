namespace CondorActors.Domain.Batch;

/// <summary>
/// Runs a batch-system call and retries it on <see cref="BatchSystemUnavailableException"/> as the
/// policy says. Other exceptions (refusals, unparsable answers, cancellation) pass at once.
/// </summary>
internal sealed class BatchRetry(BatchRetryPolicy policy, TimeProvider timeProvider, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public BatchRetryPolicy Policy => policy;

    /// <summary>Called before each wait with the retry number, the delay and the failure.</summary>
    public Action<int, TimeSpan, BatchSystemUnavailableException>? OnRetry { get; init; }

    /// <param name="canRetry">Extra filter, e.g. a submit retries only failures that surely did not take effect.</param>
    public async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> action,
        CancellationToken cancellationToken,
        Func<BatchSystemUnavailableException, bool>? canRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (BatchSystemUnavailableException ex) when (attempt < policy.MaxAttempts && (canRetry?.Invoke(ex) ?? true))
            {
                var delay = policy.DelayBefore(attempt, _random(), ex.RetryAfter);
                OnRetry?.Invoke(attempt, delay, ex);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        ExecuteAsync(
            async token =>
            {
                await action(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
}
