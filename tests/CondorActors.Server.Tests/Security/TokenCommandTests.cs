using System.Net;
using System.Text.RegularExpressions;
using CondorActors.Server.Commands;
using CondorActors.Server.Tests.Api;
using static CondorActors.Server.Tests.Security.SecurityAssert;

namespace CondorActors.Server.Tests.Security;

public sealed partial class TokenCommandTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task Create_prints_the_token_once_and_the_running_server_accepts_it_at_once()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 1);

        var (code, stdout, stderr) = await RunAsync(server, "create", "--name", "alice", "--scopes", "read,submit", "--expires", "30d");

        Assert.Equal(0, code);
        var token = stdout.Trim();
        Assert.Matches(TokenPattern(), token);
        Assert.DoesNotContain(token, stderr, StringComparison.Ordinal);
        Assert.Contains("alice", stderr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.ClientWith(token).GetAsync(Path("/v1/jobs"))).StatusCode);
    }

    [Fact]
    public async Task List_shows_tokens_without_secrets()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, token, _) = await RunAsync(server, "create", "--name=bob", "--scopes=read");

        var (code, stdout, _) = await RunAsync(server, "list");

        Assert.Equal(0, code);
        Assert.Contains("bob", stdout, StringComparison.Ordinal);
        Assert.Contains("test-admin", stdout, StringComparison.Ordinal);
        Assert.Contains(token.Trim().Split('_')[1], stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim().Split('_', 3)[2], stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_by_name_stops_the_token_on_the_running_server()
    {
        await using var server = await ApiServer.StartAsync(0, "--condoractors:auth:token-refresh-interval=0s");
        var (_, stdout, _) = await RunAsync(server, "create", "--name", "carol", "--scopes", "read");
        var carol = server.ClientWith(stdout.Trim());
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync(Path("/v1/jobs"))).StatusCode);

        var (code, revokeOut, _) = await RunAsync(server, "revoke", "carol");
        var (_, listOut, _) = await RunAsync(server, "list");

        Assert.Equal(0, code);
        Assert.Contains("revoked token", revokeOut, StringComparison.Ordinal);
        Assert.Matches(@"carol\s+read\s+.*revoked", listOut);
        await ProblemAsync(await carol.GetAsync(Path("/v1/jobs")), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Revoke_by_id_leaves_other_tokens_of_the_name_alone()
    {
        await using var server = await ApiServer.StartAsync(0, "--condoractors:auth:token-refresh-interval=0s");
        var old = (await RunAsync(server, "create", "--name", "dave", "--scopes", "read")).Stdout.Trim();
        var rotated = (await RunAsync(server, "create", "--name", "dave", "--scopes", "read")).Stdout.Trim();

        var (code, _, _) = await RunAsync(server, "revoke", old.Split('_')[1]);

        Assert.Equal(0, code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWith(old).GetAsync(Path("/v1/jobs"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.ClientWith(rotated).GetAsync(Path("/v1/jobs"))).StatusCode);
    }

    [Theory]
    [InlineData(2, "token", "create", "--scopes", "read")]
    [InlineData(2, "token", "create", "--name", "x", "--scopes", "read", "extra")]
    [InlineData(2, "token", "frobnicate")]
    [InlineData(2, "token", "revoke")]
    [InlineData(2, "token", "create", "--name", "x", "--scopes", "read", "--colour", "red")]
    [InlineData(2, "token")]
    [InlineData(1, "token", "create", "--name", "x", "--scopes", "read,root")]
    [InlineData(1, "token", "create", "--name", "x", "--scopes", "read", "--expires", "soon")]
    [InlineData(1, "token", "create", "--name", "bad name", "--scopes", "read")]
    [InlineData(1, "token", "revoke", "nobody")]
    public async Task Bad_arguments_exit_non_zero_with_a_message(int expected, params string[] args)
    {
        var dataDir = Directory.CreateTempSubdirectory("condoractors-token-").FullName;
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = await TokenCommand.RunAsync([.. args, $"--condoractors:data-dir={dataDir}"], stdout, stderr, NoEnvironment);

            Assert.Equal(expected, code);
            Assert.Empty(stdout.ToString());
            Assert.False(string.IsNullOrWhiteSpace(stderr.ToString()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(RunningServer server, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await TokenCommand.RunAsync(["token", .. args, $"--condoractors:data-dir={server.DataDir}"], stdout, stderr, NoEnvironment);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex("^ca_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenPattern();
}
