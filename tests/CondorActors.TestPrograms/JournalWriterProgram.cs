using System.Globalization;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.TestPrograms;

/// <summary>
/// <c>journal-writer &lt;db-path&gt; &lt;persistence-id-prefix&gt; &lt;writers&gt;</c>: writers persistence ids
/// write events through the SQLite journal (group commit) until the process is killed, and print
/// <c>ACK &lt;pid&gt; &lt;seq&gt;</c> for every event once its write completed (was acknowledged as durable).
/// </summary>
internal static class JournalWriterProgram
{
    private static readonly Lock OutputGate = new();

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var writers) || writers < 1)
        {
            await Console.Error.WriteLineAsync("usage: condoractors-testprog journal-writer <db-path> <persistence-id-prefix> <writers>");
            return 2;
        }

        var options = new JournalOptions
        {
            Provider = JournalOptions.SqliteProvider,
            ConnectionString = args[0],
            WriterNode = "journal-writer",
            GroupCommit = true,
        };
        await using var services = new ServiceCollection().AddJournal(options).BuildServiceProvider();
        var journal = services.GetRequiredService<IJournal>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => WriteUntilKilledAsync(journal, $"{args[1]}-{w}")));
        return 0;
    }

    private static async Task WriteUntilKilledAsync(IJournal journal, string persistenceId)
    {
        var next = await journal.ReadHighestSequenceNrAsync(persistenceId) + 1;
        while (true)
        {
            // Batches of 1 to 3 events, so atomic multi-event writes are part of what gets killed.
            var size = (int)(next % 3) + 1;
            var batch = Enumerable.Range(0, size)
                .Select(i => new JournalEntry(
                    persistenceId,
                    next + i,
                    "journal-writer.event.v1",
                    $"{{\"pid\":\"{persistenceId}\",\"seq\":{next + i}}}",
                    DateTimeOffset.UtcNow,
                    "journal-writer"))
                .ToArray();
            await journal.WriteAsync(batch);
            lock (OutputGate)
            {
                foreach (var entry in batch)
                {
                    Console.Out.WriteLine($"ACK {entry.PersistenceId} {entry.SequenceNr}");
                }

                Console.Out.Flush();
            }

            next += size;
        }
    }
}
