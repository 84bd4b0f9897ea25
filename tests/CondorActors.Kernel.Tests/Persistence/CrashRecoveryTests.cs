using System.Globalization;
using System.Text.Json.Nodes;
using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>
/// A child process writes through the SQLite journal and prints an ACK after each acknowledged
/// write; it is killed with SIGKILL mid-stream. Every acknowledged event must then be in the file,
/// in order, without gaps.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Writers = 8;
    private const int AcksBeforeKill = 400;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "condoractors-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Every_acknowledged_event_survives_sigkill_in_order_without_gaps()
    {
        Directory.CreateDirectory(_directory);
        var database = Path.Combine(_directory, "journal.db");

        var acknowledged = await AckingChildProcess.RunAndKillAsync(
            ["journal-writer", database, "crash", Writers.ToString(CultureInfo.InvariantCulture)], AcksBeforeKill);

        var options = new JournalOptions { Provider = JournalOptions.SqliteProvider, ConnectionString = database };
        await using var stores = JournalStores.Create(options, NullLoggerFactory.Instance);
        Assert.Equal(Writers, acknowledged.Count);
        foreach (var (persistenceId, highestAcked) in acknowledged)
        {
            var stored = new List<JournalEntry>();
            await stores.Journal.ReplayAsync(persistenceId, 1, long.MaxValue, e =>
            {
                stored.Add(e);
                return ValueTask.CompletedTask;
            });

            // Events written but not yet acknowledged at the kill may be there too; never fewer.
            Assert.True(stored.Count >= highestAcked, $"{persistenceId}: {highestAcked} acknowledged, {stored.Count} stored");
            for (var i = 0; i < stored.Count; i++)
            {
                Assert.Equal(i + 1, stored[i].SequenceNr);
                var payload = JsonNode.Parse(stored[i].Payload)!;
                Assert.Equal(persistenceId, (string?)payload["pid"]);
                Assert.Equal(i + 1, (long?)payload["seq"]);
            }

            Assert.Equal(stored.Count, await stores.Journal.ReadHighestSequenceNrAsync(persistenceId));
        }
    }
}
