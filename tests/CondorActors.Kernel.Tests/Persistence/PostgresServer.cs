using System.Diagnostics;
using Npgsql;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>
/// The PostgreSQL server the tests run against: the connection string in
/// <c>CONDORACTORS_TEST_POSTGRES</c>, or else the one <c>scripts/start-postgres.sh</c> starts.
/// Never skipped: when no server can be had, every PostgreSQL test fails with the script's message.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "CONDORACTORS_TEST_POSTGRES";

    // One server per test process, however many classes ask.
    private static readonly Lazy<Task<string>> Server = new(FindOrStartAsync);

    public static Task<string> ConnectionStringAsync() => Server.Value;

    /// <summary>A new empty schema; the returned connection string puts it first on the search path.</summary>
    public static async Task<string> CreateSchemaAsync()
    {
        var connectionString = await ConnectionStringAsync();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema};");
        return new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = true }.ToString();
    }

    public static async Task DropSchemaAsync(string schemaConnectionString)
    {
        var schema = new NpgsqlConnectionStringBuilder(schemaConnectionString).SearchPath;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(await ConnectionStringAsync(), $"DROP SCHEMA IF EXISTS {schema} CASCADE;");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> FindOrStartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "start-postgres.sh");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Installing the package on a fresh machine can take minutes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within 10 minutes.\n{await stderr}");
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: {script} exited with {process.ExitCode}. Set {EnvironmentVariable} to use another server.\n{await stderr}");
        }

        return lines[^1];
    }
}
