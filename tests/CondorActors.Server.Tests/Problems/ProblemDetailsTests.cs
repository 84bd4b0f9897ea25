using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CondorActors.Server.Tests.Problems;

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task Unknown_route_answers_problem_json_with_stable_type_and_restd_message()
    {
        await using var server = await RunningServer.StartAsync("--condoractors:condor:backend=simulated");

        var response = await server.Client.GetAsync(new Uri("/v1/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:condoractors:problem:not-found", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Unhandled_exception_answers_500_problem_without_details_or_stack_trace()
    {
        await using var server = await RunningServer.StartAsync(
            app => app.MapGet("/boom", string () => throw new InvalidOperationException("connection string Password=hunter2")),
            "--condoractors:condor:backend=simulated");

        var response = await server.Client.GetAsync(new Uri("/boom", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("urn:condoractors:problem:internal", body.RootElement.GetProperty("type").GetString());
    }
}
