using System.Net;
using System.Text.Json;
using CondorActors.Domain.Condor;

namespace CondorActors.Server.Tests.Api;

public sealed class PaginationTests
{
    [Theory]
    [InlineData("/v1/jobs?projection=Owner,JobStatus", 40)]
    [InlineData("/v1/jobs?projection=Owner&constraint=JobStatus%20%3D%3D%201", 17)]
    [InlineData("/v1/history?projection=Owner", 30)]
    [InlineData("/v1/status?query=any", 2)]
    public async Task Walking_every_page_gives_the_unpaginated_answer(string path, int limit)
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 250);
        var pool = server.Pool();
        for (var proc = 0; proc < 70; proc++)
        {
            pool.SetJobStatus(new CondorJobId(3, proc), CondorJobStatus.Completed);
        }

        pool.ArchiveFinishedJobs();
        var (_, whole) = await server.GetJsonAsync(path);

        var walked = new List<string>();
        var pages = 0;
        string? next = $"{path}&limit={limit}";
        while (next is not null)
        {
            var (response, page) = await server.GetJsonAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(page.GetArrayLength() <= limit);
            walked.AddRange(page.EnumerateArray().Select(item => item.GetRawText()));
            pages++;
            next = response.Headers.TryGetValues("Link", out var links) ? ParseLink(links.Single()) : null;
            if (next is not null)
            {
                Assert.Contains(response.Headers.GetValues("X-Next-Cursor").Single(), next, StringComparison.Ordinal);
            }
        }

        Assert.True(whole.GetArrayLength() > limit, "the walk must span several pages");
        Assert.Equal((whole.GetArrayLength() + limit - 1) / limit, pages);
        Assert.Equal(whole.EnumerateArray().Select(item => item.GetRawText()), walked);
    }

    [Fact]
    public async Task A_tampered_cursor_is_rejected()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 20);
        var (first, _) = await server.GetJsonAsync("/v1/jobs?limit=5");
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Convert.FromBase64String(Pad(cursor[..dot])))!;
        payload["P"] = JsonSerializer.SerializeToElement(0);
        var forged = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + cursor[dot..];

        var (tampered, body) = await server.GetJsonAsync($"/v1/jobs?limit=5&cursor={forged}");
        var (otherQuery, _) = await server.GetJsonAsync($"/v1/jobs?limit=5&projection=Owner&cursor={cursor}");
        var (genuine, _) = await server.GetJsonAsync($"/v1/jobs?limit=5&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal("cursor", body.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, otherQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task The_last_page_has_no_link()
    {
        await using var server = await ApiServer.StartAsync(seedJobs: 5);

        var (response, body) = await server.GetJsonAsync("/v1/jobs?limit=5");

        Assert.Equal(5, body.GetArrayLength());
        Assert.False(response.Headers.Contains("Link"));
        Assert.False(response.Headers.Contains("X-Next-Cursor"));
    }

    private static string ParseLink(string link)
    {
        Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}
