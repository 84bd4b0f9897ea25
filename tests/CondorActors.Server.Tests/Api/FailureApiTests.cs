using System.Net;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Api;

public sealed class FailureApiTests
{
    [Theory]
    [InlineData("/v1/jobs")]
    [InlineData("/v1/history/1/0")]
    [InlineData("/v1/status?query=startd")]
    [InlineData("/v1/grouped_jobs/DEFAULT/Owner")]
    public async Task Unreachable_HTCondor_is_503_with_Retry_After(string path)
    {
        await using var server = await ApiServer.StartAsync(
            0,
            ApiServer.Decorate(pool => new FailingGateway(pool, new CondorUnreachableException("Couldn't contact the condor_schedd"))),
            "--condoractors:api:retry-after=7s");

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("urn:condoractors:problem:condor-unavailable", body.GetProperty("type").GetString());
        Assert.Contains("Couldn't contact the condor_schedd", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("simulated", response.Headers.GetValues("X-Condor-Backend").Single());
    }

    [Theory]
    [InlineData("/v1/jobs")]
    [InlineData("/v1/config")]
    public async Task A_query_past_its_timeout_is_504(string path)
    {
        await using var server = await ApiServer.StartAsync(
            0,
            ApiServer.Decorate(pool => new FailingGateway(pool, failure: null)),
            "--condoractors:condor:query-timeout=200ms");

        var (response, body) = await server.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("urn:condoractors:problem:condor-timeout", body.GetProperty("type").GetString());
    }
}
