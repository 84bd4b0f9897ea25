using System.Collections.Immutable;
using CondorActors.Domain.Batch;
using CondorActors.Domain.Glideins;

namespace CondorActors.Domain.Tests.Glideins;

public sealed class SiteActorJobsByNameTests
{
    private static BatchJobStatus Job(string id, string? name) => new(id, BatchJobState.Running, "RUNNING") { Name = name };

    private static BatchStatusSnapshot Snapshot(params BatchJobStatus[] jobs) =>
        new(DateTimeOffset.UnixEpoch, jobs.ToImmutableDictionary(j => j.JobId, StringComparer.Ordinal));

    [Fact]
    public void Job_is_found_by_the_glidein_id_after_its_tag()
    {
        var index = SiteActor.JobsByNameSuffix(Snapshot(Job("1", "site.a-g20260101000000-0000abcd"), Job("2", "site.a-g20260101000000-0000ffff"), Job("3", null)));

        Assert.Equal("1", index["g20260101000000-0000abcd"].JobId);
        Assert.Equal("2", index["g20260101000000-0000ffff"].JobId);
    }

    [Fact]
    public void Only_whole_parts_after_a_dash_match_like_a_name_ending_in_dash_id()
    {
        var index = SiteActor.JobsByNameSuffix(Snapshot(Job("1", "tag-g1")));

        Assert.True(index.ContainsKey("g1"));
        Assert.False(index.ContainsKey("1"));
        Assert.False(index.ContainsKey("tag-g1"));
    }

    [Fact]
    public void Names_without_a_dash_and_jobs_without_a_name_are_not_indexed()
    {
        Assert.Empty(SiteActor.JobsByNameSuffix(Snapshot(Job("1", "plain"), Job("2", null))));
    }
}
