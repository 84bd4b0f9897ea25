using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>The group-commit queue on its own, with a fake store whose flushes the test holds and releases.</summary>
public sealed class JournalWriteQueueTests : IAsyncDisposable
{
    private readonly List<string[]> _flushes = [];
    private readonly SemaphoreSlim _flushStarted = new(0);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failNextFlush;
    private JournalWriteQueue? _queue;

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        if (_queue is not null)
        {
            await _queue.DisposeAsync();
        }

        _flushStarted.Dispose();
    }

    [Fact]
    public async Task Writes_queued_behind_a_running_flush_share_the_next_flush()
    {
        var queue = Start(groupCommit: true);
        var first = queue.EnqueueAsync([Event("a", 1)], default);
        await _flushStarted.WaitAsync(TimeSpan.FromSeconds(10));

        var queued = Enumerable.Range(0, 10).Select(i => queue.EnqueueAsync([Event($"q-{i}", 1)], default)).ToArray();
        ReleaseFlushes();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(2, _flushes.Count);
        Assert.Equal(["a"], _flushes[0]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"q-{i}"), _flushes[1]);
    }

    [Fact]
    public async Task Without_group_commit_each_write_gets_its_own_flush()
    {
        var queue = Start(groupCommit: false);
        var first = queue.EnqueueAsync([Event("a", 1)], default);
        await _flushStarted.WaitAsync(TimeSpan.FromSeconds(10));

        var queued = Enumerable.Range(0, 5).Select(i => queue.EnqueueAsync([Event($"q-{i}", 1)], default)).ToArray();
        ReleaseFlushes();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(6, _flushes.Count);
        Assert.All(_flushes, f => Assert.Single(f));
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_is_cancelled_and_never_written()
    {
        var queue = Start(groupCommit: true);
        var first = queue.EnqueueAsync([Event("a", 1)], default);
        await _flushStarted.WaitAsync(TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.EnqueueAsync([Event("cancelled", 1)], cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var later = queue.EnqueueAsync([Event("later", 1)], default);
        ReleaseFlushes();
        await Task.WhenAll(first, later);

        Assert.DoesNotContain(_flushes, f => f.Contains("cancelled"));
        Assert.Contains(_flushes, f => f.Contains("later"));
    }

    [Fact]
    public async Task Cancelling_after_the_flush_took_the_write_waits_for_the_real_outcome()
    {
        var queue = Start(groupCommit: true);
        using var cancel = new CancellationTokenSource();
        var write = queue.EnqueueAsync([Event("a", 1)], cancel.Token);
        await _flushStarted.WaitAsync(TimeSpan.FromSeconds(10));

        await cancel.CancelAsync();
        ReleaseFlushes();

        await write;
        Assert.Equal(["a"], Assert.Single(_flushes));
    }

    [Fact]
    public async Task A_failed_flush_fails_its_callers_and_the_queue_keeps_working()
    {
        var queue = Start(groupCommit: true);
        ReleaseFlushes();
        _failNextFlush = new IOException("disk full");

        var failed = await Assert.ThrowsAsync<IOException>(() => queue.EnqueueAsync([Event("a", 1)], default));
        await queue.EnqueueAsync([Event("b", 1)], default);

        Assert.Equal("disk full", failed.Message);
        Assert.Equal(["b"], _flushes[^1]);
    }

    [Fact]
    public async Task Disposal_waits_for_every_queued_write_then_refuses_new_ones()
    {
        var queue = Start(groupCommit: true);
        var writes = new List<Task> { queue.EnqueueAsync([Event("a", 1)], default) };
        await _flushStarted.WaitAsync(TimeSpan.FromSeconds(10));
        writes.AddRange(Enumerable.Range(0, 5).Select(i => queue.EnqueueAsync([Event($"q-{i}", 1)], default)));

        var disposal = queue.DisposeAsync().AsTask();
        Assert.False(disposal.IsCompleted);
        ReleaseFlushes();
        await disposal;

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(6, _flushes.Sum(f => f.Length));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queue.EnqueueAsync([Event("late", 1)], default));
    }

    private JournalWriteQueue Start(bool groupCommit)
    {
        _queue = new JournalWriteQueue(FlushAsync, groupCommit, "node-a", NullLogger.Instance);
        return _queue;
    }

    private void ReleaseFlushes() => _release.TrySetResult();

    private async Task FlushAsync(IReadOnlyList<PendingWrite> writes)
    {
        _flushStarted.Release();
        await _release.Task;
        if (Interlocked.Exchange(ref _failNextFlush, null) is { } failure)
        {
            throw failure;
        }

        _flushes.Add([.. writes.Select(w => w.PersistenceId)]);
    }

    private static JournalEntry Event(string persistenceId, long sequenceNr) =>
        new(persistenceId, sequenceNr, "test.v1", "{}", DateTimeOffset.UnixEpoch, "");
}
