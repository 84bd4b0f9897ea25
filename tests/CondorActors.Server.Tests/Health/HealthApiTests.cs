using System.Net;
using System.Text.Json;
using CondorActors.Kernel.Persistence;
using CondorActors.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CondorActors.Server.Tests.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Healthz_reports_the_simulated_backend_when_configured()
    {
        await using var server = await RunningServer.StartAsync("--condoractors:condor:backend=simulated");

        var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("simulated", body.RootElement.GetProperty("backend").GetString());
        Assert.Equal(["simulated"], response.Headers.GetValues(BackendHeaderMiddleware.HeaderName));
    }

    [Fact]
    public async Task Auto_backend_without_condor_q_falls_back_to_simulated_and_says_why()
    {
        var emptyBin = Directory.CreateTempSubdirectory("condoractors-nobin-").FullName;
        await using var server = await RunningServer.StartAsync("--condoractors:condor:backend=auto", $"--condoractors:condor:binaries={emptyBin}");

        using var body = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        Assert.Equal("simulated", body.RootElement.GetProperty("backend").GetString());
        Assert.Contains("condor_q not found", body.RootElement.GetProperty("backendReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_backend_picks_the_cli_when_condor_q_is_there()
    {
        var bin = Directory.CreateTempSubdirectory("condoractors-bin-").FullName;
        await File.WriteAllTextAsync(Path.Combine(bin, "condor_q"), "#!/bin/sh\n");
        await using var server = await RunningServer.StartAsync("--condoractors:condor:backend=auto", $"--condoractors:condor:binaries={bin}");

        var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(["cli"], response.Headers.GetValues(BackendHeaderMiddleware.HeaderName));
    }

    [Fact]
    public async Task Unknown_routes_still_name_the_backend()
    {
        await using var server = await RunningServer.StartAsync("--condoractors:condor:backend=simulated");

        var response = await server.Client.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["simulated"], response.Headers.GetValues(BackendHeaderMiddleware.HeaderName));
    }

    [Fact]
    public async Task Readyz_checks_the_sqlite_journal_in_the_data_folder()
    {
        await using var server = await RunningServer.StartAsync("--condoractors:condor:backend=simulated");

        var response = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok (sqlite)", body.RootElement.GetProperty("checks").GetProperty("journal").GetString());
        Assert.True(File.Exists(Path.Combine(server.DataDir, "journal.db")));
    }

    [Fact]
    public async Task Readyz_is_503_when_the_journal_cannot_be_reached()
    {
        await using var server = await RunningServer.StartAsync(
            configure: null,
            overrideServices: services => services.AddSingleton<IJournal>(new UnreachableJournal()),
            "--condoractors:condor:backend=simulated");

        var response = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not-ready", body.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("failing (sqlite)", body.RootElement.GetProperty("checks").GetProperty("journal").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A journal whose database is gone: every call fails as a real store would.</summary>
    private sealed class UnreachableJournal : IJournal
    {
        public Task WriteAsync(IReadOnlyList<JournalEntry> events, CancellationToken cancellationToken = default) => Fail();

        public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, Func<JournalEntry, ValueTask> onEvent, CancellationToken cancellationToken = default) => Fail();

        public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
            Task.FromException<long>(new IOException("database unreachable"));

        public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) => Fail();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static Task Fail() => Task.FromException(new IOException("database unreachable"));
    }
}
