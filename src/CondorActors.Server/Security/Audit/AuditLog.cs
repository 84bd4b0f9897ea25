using System.Globalization;
using CondorActors.Kernel.Persistence;

namespace CondorActors.Server.Security.Audit;

/// <summary>
/// The audit log of writes, event-sourced in the journal with one persistence id per UTC day
/// (<c>audit-2025-06-01</c>), so reading a period replays only its days and old days can be
/// deleted with the journal's delete-up-to. Concurrent records are written in one batch per day
/// (group commit: the first caller flushes, callers arriving meanwhile ride the next flush).
/// </summary>
internal sealed class AuditLog(IJournal journal, TimeProvider time, JournalOptions journalOptions, ILogger<AuditLog> logger)
{
    public const string PersistencePrefix = "audit-";
    private const string Manifest = "audit-recorded.v1";
    private const int MaxWriteAttempts = 5;

    private readonly EventTypeRegistry _types = new EventTypeRegistry().Register<AuditRecord>(Manifest);
    private readonly Lock _pendingGate = new();
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private List<(AuditRecord Record, TaskCompletionSource Done)> _pending = [];
    private bool _flushing;

    public TimeProvider Time { get; } = time;

    public static string PersistenceIdOf(DateTimeOffset time) =>
        PersistencePrefix + time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Completes once the record is durable; a failure is logged and rethrown.</summary>
    public Task RecordAsync(AuditRecord record)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool flush;
        lock (_pendingGate)
        {
            _pending.Add((record, done));
            flush = !_flushing;
            _flushing = true;
        }

        if (flush)
        {
            _ = Task.Run(FlushLoopAsync);
        }

        return done.Task;
    }

    /// <summary>Records at or after <paramref name="since"/>, oldest first, optionally of one principal.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(DateTimeOffset since, string? principal, int limit, CancellationToken cancellationToken)
    {
        var result = new List<AuditRecord>();
        var now = Time.GetUtcNow();
        for (var day = since.UtcDateTime.Date; day <= now.UtcDateTime.Date && result.Count < limit; day = day.AddDays(1))
        {
            await journal.ReplayAsync(PersistenceIdOf(new DateTimeOffset(day, TimeSpan.Zero)), 1, long.MaxValue, entry =>
            {
                if (result.Count < limit
                    && _types.Deserialize(entry.Manifest, entry.Payload) is AuditRecord record
                    && record.Time >= since
                    && (principal is null || record.Principal == principal))
                {
                    result.Add(record);
                }

                return ValueTask.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            List<(AuditRecord Record, TaskCompletionSource Done)> batch;
            lock (_pendingGate)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            foreach (var day in batch.GroupBy(item => PersistenceIdOf(item.Record.Time)))
            {
                try
                {
                    await WriteDayAsync(day.Key, [.. day.Select(item => item.Record)]).ConfigureAwait(false);
                    foreach (var item in day)
                    {
                        item.Done.TrySetResult();
                    }
                }
                catch (Exception ex)
                {
                    AuditLogMessages.WriteFailed(logger, ex, day.Count());
                    foreach (var item in day)
                    {
                        item.Done.TrySetException(ex);
                    }
                }
            }
        }
    }

    private async Task WriteDayAsync(string persistenceId, IReadOnlyList<AuditRecord> records)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!_highest.TryGetValue(persistenceId, out var highest))
            {
                highest = await journal.ReadHighestSequenceNrAsync(persistenceId).ConfigureAwait(false);
            }

            var entries = records.Select((record, i) =>
            {
                var (manifest, payload) = _types.Serialize(record);
                return new JournalEntry(persistenceId, highest + i + 1, manifest, payload, record.Time, journalOptions.WriterNode);
            }).ToList();
            try
            {
                await journal.WriteAsync(entries).ConfigureAwait(false);
                _highest.Clear(); // keep only today's counter: days roll over, memory must not grow
                _highest[persistenceId] = highest + records.Count;
                return;
            }
            catch (Exception ex) when (ex is JournalConcurrencyException or JournalSequenceGapException && attempt < MaxWriteAttempts)
            {
                // Another node (shared PostgreSQL) appended to the same day: read its highest again.
                _highest.Remove(persistenceId);
            }
        }
    }
}
