using CondorActors.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CondorActors.Kernel.Tests.Persistence;

public sealed class JournalServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "condoractors-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Default_is_a_sqlite_file_under_the_data_dir_created_at_start_up()
    {
        var services = new ServiceCollection().AddJournal(new JournalOptions { DataDir = _directory });
        await using (var provider = services.BuildServiceProvider())
        {
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }

            Assert.True(File.Exists(Path.Combine(_directory, "journal.db")));
            Assert.Same(provider.GetRequiredService<IJournal>(), provider.GetRequiredService<IJournal>());
            Assert.Same(provider.GetRequiredService<ISnapshotStore>(), provider.GetRequiredService<ISnapshotStore>());
            Assert.Equal(_directory, provider.GetRequiredService<JournalOptions>().DataDir);

            // Not awaited: disposing the provider must flush it.
            _ = provider.GetRequiredService<IJournal>().WriteAsync([new JournalEntry("g-1", 1, "e.v1", "{}", DateTimeOffset.UtcNow, "")]);
        }

        await using var reopened = new ServiceCollection().AddJournal(new JournalOptions { DataDir = _directory }).BuildServiceProvider();
        Assert.Equal(1, await reopened.GetRequiredService<IJournal>().ReadHighestSequenceNrAsync("g-1"));
    }

    [Theory]
    [InlineData("mysql", null, "unknown provider 'mysql'")]
    [InlineData("postgresql", null, "needs journal.connection-string")]
    [InlineData("postgresql", " ", "needs journal.connection-string")]
    public void Unusable_options_are_refused_at_registration(string provider, string? connectionString, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddJournal(new JournalOptions { Provider = provider, ConnectionString = connectionString }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_connection_string_may_be_a_path_or_a_data_source()
    {
        var path = Path.Combine(_directory, "x.db");

        Assert.Equal(path, new JournalOptions { ConnectionString = path }.SqlitePath);
        Assert.Equal(path, new JournalOptions { ConnectionString = $"Data Source={path}" }.SqlitePath);
        Assert.Equal(Path.Combine(_directory, "journal.db"), new JournalOptions { DataDir = _directory }.SqlitePath);
    }
}
