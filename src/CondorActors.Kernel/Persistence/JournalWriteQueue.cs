using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Group commit: every <see cref="IJournal.WriteAsync"/> lands in one channel; a single writer
/// loop drains whatever has queued up and hands it to the store as one flush (one transaction).
/// The next flush starts as soon as the previous one finished, so there is no fixed delay: under
/// light load a flush holds one write, under heavy load many writes share one fsync.
/// </summary>
internal sealed partial class JournalWriteQueue : IAsyncDisposable
{
    /// <summary>Upper bound of writes per flush, so one transaction stays a reasonable size.</summary>
    internal const int MaxWritesPerFlush = 1000;

    private readonly Channel<PendingWrite> _channel = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly Func<IReadOnlyList<PendingWrite>, Task> _flush;
    private readonly int _maxWritesPerFlush;
    private readonly string _writerNode;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _flushCount;

    /// <param name="flush">
    /// Writes the batch in one transaction: calls <see cref="PendingWrite.Reject"/> for writes that
    /// must fail alone, throws only when the transaction as a whole failed.
    /// </param>
    /// <param name="groupCommit">False: one write per flush (the benchmark baseline).</param>
    /// <param name="writerNode">Stored for events that do not name their writer node.</param>
    public JournalWriteQueue(Func<IReadOnlyList<PendingWrite>, Task> flush, bool groupCommit, string writerNode, ILogger logger)
    {
        _flush = flush;
        _writerNode = writerNode;
        _maxWritesPerFlush = groupCommit ? MaxWritesPerFlush : 1;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Flushes (transactions) so far; lets tests and metrics see how writes were grouped.</summary>
    public long FlushCount => Interlocked.Read(ref _flushCount);

    /// <summary>Queues one atomic batch; errors (invalid batch, shut down) come back in the task, never thrown here.</summary>
    public Task EnqueueAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken)
    {
        try
        {
            WriteBatchValidation.Validate(events);
        }
        catch (ArgumentException ex)
        {
            return Task.FromException(ex);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (events.Any(e => string.IsNullOrEmpty(e.WriterNode)))
        {
            events = [.. events.Select(e => string.IsNullOrEmpty(e.WriterNode) ? e with { WriterNode = _writerNode } : e)];
        }

        var write = new PendingWrite(events, cancellationToken);
        if (!_channel.Writer.TryWrite(write))
        {
            return Task.FromException(new ObjectDisposedException(nameof(IJournal), "The journal is shut down; the events were not written."));
        }

        return write.Completion;
    }

    /// <summary>Stops accepting writes, flushes everything already queued, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<PendingWrite>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxWritesPerFlush && reader.TryRead(out var write))
            {
                if (write.TryTake())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            Interlocked.Increment(ref _flushCount);
            try
            {
                await _flush(batch).ConfigureAwait(false);
                foreach (var write in batch)
                {
                    write.Complete();
                }
            }
#pragma warning disable CA1031 // The loop must survive any store failure; each caller gets the error.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFlushFailed(_logger, ex, batch.Count);
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal flush of {WriteCount} writes failed; their callers get the error")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int writeCount);
}
