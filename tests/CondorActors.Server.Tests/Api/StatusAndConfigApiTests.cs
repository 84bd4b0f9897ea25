using System.Net;
using System.Text.Json;

namespace CondorActors.Server.Tests.Api;

public sealed class StatusAndConfigApiTests
{
    [Fact]
    public async Task Startd_status_works_for_restds_browser_example()
    {
        await using var server = await ApiServer.StartAsync();

        var (response, body) = await server.GetJsonAsync("/v1/status?query=startd");

        // examples/condor_status.html reads item.name, classad.opsys, arch, state, activity, loadavg, memory.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["slot1@vm", "slot2@vm", "slot3@vm", "slot4@vm"], body.EnumerateArray().Select(item => item.GetProperty("name").GetString()));
        Assert.All(body.EnumerateArray(), item =>
        {
            Assert.Equal("Machine", item.GetProperty("type").GetString());
            var classad = item.GetProperty("classad");
            foreach (var name in new[] { "opsys", "arch", "state", "activity", "loadavg", "memory", "mycurrenttime", "enteredcurrentactivity" })
            {
                Assert.True(classad.TryGetProperty(name, out _), $"classad.{name} is missing");
            }
        });
    }

    [Theory]
    [InlineData("schedd", "Scheduler")]
    [InlineData("master", "DaemonMaster")]
    [InlineData("collector", "Collector")]
    [InlineData("negotiator", "Negotiator")]
    public async Task Query_selects_the_ad_type(string query, string myType)
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.GetJsonAsync($"/v1/status?query={query}&projection=Name");

        Assert.Equal(myType, body.EnumerateArray().Single().GetProperty("type").GetString());
        Assert.Equal(["name"], body[0].GetProperty("classad").Keys());
    }

    [Fact]
    public async Task Status_defaults_to_every_ad_type()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.GetJsonAsync("/v1/status?projection=Memory");

        var types = body.EnumerateArray().Select(item => item.GetProperty("type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Machine", "Scheduler", "DaemonMaster", "Collector", "Negotiator" }, types);
        Assert.All(body.EnumerateArray(), item => Assert.DoesNotContain("name", item.GetProperty("classad").Keys()));
    }

    [Fact]
    public async Task Status_by_name_selects_one_ad_and_an_unknown_name_is_empty()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, one) = await server.GetJsonAsync("/v1/status/slot2@vm?query=startd");
        var (response, none) = await server.GetJsonAsync("/v1/status/nobody@vm");

        Assert.Equal("slot2@vm", one.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, none.GetArrayLength());
    }

    [Theory]
    [InlineData("/v1/status?query=bogus", "query")]
    [InlineData("/v1/status?projection=a.b", "projection")]
    [InlineData("/v1/status?constraint=%3D%3D", "constraint")]
    [InlineData("/v1/grouped_status/1x", "groupby")]
    [InlineData("/v1/config?daemon=bogus", "daemon")]
    [InlineData("/v1/config/not-a-name", "param")]
    public async Task Bad_status_and_config_parameters_are_400(string path, string parameter)
    {
        await using var server = await ApiServer.StartAsync();

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Grouped_status_groups_by_value()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, all) = await server.GetJsonAsync("/v1/grouped_status/MyType");
        var (_, byName) = await server.GetJsonAsync("/v1/grouped_status/State/slot1@vm?query=startd");

        Assert.Equal(4, all.GetProperty("Machine").GetArrayLength());
        Assert.Equal("slot1@vm", byName.EnumerateObject().Single().Value.EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Fact]
    public async Task Config_is_an_object_of_lower_cased_names()
    {
        await using var server = await ApiServer.StartAsync();

        var (response, body) = await server.GetJsonAsync("/v1/config");
        var (_, fromDaemon) = await server.GetJsonAsync("/v1/config?daemon=schedd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body.Keys());
        Assert.All(body.Keys(), name => Assert.Equal(name.ToLowerInvariant(), name));
        Assert.All(body.EnumerateObject(), property => Assert.Equal(JsonValueKind.String, property.Value.ValueKind));
        Assert.Equal(body.Keys(), fromDaemon.Keys());
    }

    [Fact]
    public async Task One_config_value_is_a_string_and_an_undefined_one_is_404()
    {
        await using var server = await ApiServer.StartAsync();
        server.Pool().SetConfig("MY_KNOB", "42");

        var (_, value) = await server.GetJsonAsync("/v1/config/my_knob");
        var (missing, problem) = await server.GetJsonAsync("/v1/config/NO_SUCH_KNOB");

        Assert.Equal("42", value.GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Undefined attribute: NO_SUCH_KNOB", problem.GetProperty("message").GetString());
    }
}
