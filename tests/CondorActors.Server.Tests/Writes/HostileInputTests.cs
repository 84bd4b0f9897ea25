using System.Net;
using System.Text;

namespace CondorActors.Server.Tests.Writes;

/// <summary>Every hostile body gets a 4xx problem naming the key, and the pool stays as it was.</summary>
public sealed class HostileInputTests(HostileInputTests.ServerFixture fixture) : IClassFixture<HostileInputTests.ServerFixture>
{
    private readonly RunningServer _server = fixture.Server;

    public static TheoryData<string> CaseNames => [.. HostileInputCorpus.Cases().Select(c => c.Name)];

    [Fact]
    public void The_corpus_has_at_least_fifty_cases_with_distinct_names()
    {
        var names = HostileInputCorpus.Cases().Select(c => c.Name).ToList();
        Assert.True(names.Count >= 50, $"only {names.Count} cases");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hostile_body_is_refused_with_a_problem_naming_the_key(string name)
    {
        var (_, body, field) = HostileInputCorpus.Cases().Single(c => c.Name == name);
        var pool = _server.Pool();
        var jobsBefore = pool.JobCount;

        var (response, problem) = await _server.PostBytesAsync("/v1/jobs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        if (field is not ("body" or "(unprintable)"))
        {
            Assert.Contains(field.Split('[')[0].Split('.')[0], detail, StringComparison.Ordinal);
        }

        Assert.Equal(jobsBefore, pool.JobCount);
        Assert.Equal(0, pool.SubmitCalls);
    }

    [Fact]
    public async Task Oversized_body_is_413_and_submits_nothing()
    {
        var huge = Encoding.UTF8.GetBytes("{\"executable\": \"/bin/true\", \"arguments\": \"" + new string('a', 2 * 1024 * 1024) + "\"}");

        var (response, problem) = await _server.PostBytesAsync("/v1/jobs", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body", problem.GetProperty("parameter").GetString());
        Assert.Equal(0, _server.Pool().SubmitCalls);
    }

    [Fact]
    public async Task The_old_route_refuses_the_same_way()
    {
        var (response, problem) = await _server.PostBytesAsync("/submit", Encoding.UTF8.GetBytes("""{"executable": "/bin/true\nqueue 1000", "count": "100"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("executable", problem.GetProperty("parameter").GetString());
        Assert.Equal(0, _server.Pool().JobCount);
    }

    /// <summary>One server for the whole corpus: nothing may change it, which every case checks.</summary>
    public sealed class ServerFixture : IAsyncLifetime
    {
        internal RunningServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await WriteServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
