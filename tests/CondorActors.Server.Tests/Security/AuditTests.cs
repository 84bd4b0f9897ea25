using System.Net;
using System.Text.Json;
using CondorActors.Server.Security;
using CondorActors.Server.Tests.Api;
using static CondorActors.Server.Tests.Security.AuthenticationTests;
using static CondorActors.Server.Tests.Security.SecurityAssert;

namespace CondorActors.Server.Tests.Security;

public sealed class AuditTests
{
    [Fact]
    public async Task Every_write_is_recorded_with_principal_route_target_and_outcome()
    {
        await using var server = await ApiServer.StartAsync();
        var reader = server.ClientWith(await server.CreateTokenAsync("reader", [ApiScopes.Read]));

        var created = await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"dave","scopes":["read"]}"""));
        using var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = createdBody.RootElement.GetProperty("details").GetProperty("id").GetString();
        var revoked = await server.Client.DeleteAsync(Path($"/v1/admin/tokens/{id}"));
        var denied = await reader.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"evil","scopes":["admin"]}"""));
        await server.Client.GetAsync(Path("/v1/jobs"));

        var records = await ReadAuditAsync(server.Client, "");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(3, records.Count);
        Assert.Equal(("test-admin", "POST", "/v1/admin/tokens", "/v1/admin/tokens", 201), Key(records[0]));
        Assert.Equal(("test-admin", "DELETE", "/v1/admin/tokens/{id}", $"/v1/admin/tokens/{id}", 200), Key(records[1]));
        Assert.Equal(("reader", "POST", "/v1/admin/tokens", "/v1/admin/tokens", 403), Key(records[2]));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("requestId").GetString())));
    }

    [Fact]
    public async Task The_audit_log_filters_by_principal_and_limit_and_is_for_admins_only()
    {
        await using var server = await ApiServer.StartAsync();
        var reader = server.ClientWith(await server.CreateTokenAsync("reader", [ApiScopes.Read]));
        for (var i = 0; i < 3; i++)
        {
            await server.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent($$"""{"name":"t{{i}}","scopes":["read"]}"""));
        }

        await reader.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"evil","scopes":["admin"]}"""));

        var readers = await ReadAuditAsync(server.Client, "?principal=reader");
        var limited = await ReadAuditAsync(server.Client, "?limit=2");
        var future = await ReadAuditAsync(server.Client, "?since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O")));

        Assert.Equal("reader", Assert.Single(readers).GetProperty("principal").GetString());
        Assert.Equal(2, limited.Count);
        Assert.Empty(future);
        await ProblemAsync(await reader.GetAsync(Path("/v1/admin/audit")), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(await server.Client.GetAsync(Path("/v1/admin/audit?limit=0")), HttpStatusCode.BadRequest, "invalid-parameter");
    }

    [Fact]
    public async Task Records_survive_a_restart_because_they_live_in_the_journal()
    {
        var dataDir = Directory.CreateTempSubdirectory("condoractors-audit-").FullName;
        try
        {
            await using (var first = await ApiServer.StartAsync(0, $"--condoractors:journal:connection-string={System.IO.Path.Combine(dataDir, "shared.db")}"))
            {
                await first.Client.PostAsync(Path("/v1/admin/tokens"), JsonContent("""{"name":"erin","scopes":["read"]}"""));
            }

            await using var second = await ApiServer.StartAsync(0, $"--condoractors:journal:connection-string={System.IO.Path.Combine(dataDir, "shared.db")}");
            var records = await ReadAuditAsync(second.Client, "");

            Assert.Contains(records, r => r.GetProperty("target").GetString() == "/v1/admin/tokens" && r.GetProperty("status").GetInt32() == 201);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> ReadAuditAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(Path("/v1/admin/audit" + query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static (string?, string?, string?, string?, int) Key(JsonElement record) => (
        record.GetProperty("principal").GetString(),
        record.GetProperty("method").GetString(),
        record.GetProperty("route").GetString(),
        record.GetProperty("target").GetString(),
        record.GetProperty("status").GetInt32());
}
