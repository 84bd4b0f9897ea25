using CondorActors.Domain.Batch;

namespace CondorActors.Domain.Tests.Batch;

public sealed class BatchJobTagTests
{
    [Theory]
    [InlineData("")]
    [InlineData("with-dash")]
    [InlineData("9starts-with-digit")]
    [InlineData("has space")]
    [InlineData("averyveryverylongtagthatgoesonandon")]
    public void Unsafe_tags_are_rejected(string value) => Assert.Throws<ArgumentException>(() => new BatchJobTag(value));

    [Fact]
    public void Job_names_carry_the_prefix_and_reject_unsafe_characters()
    {
        var tag = new BatchJobTag("site_a");

        Assert.Equal("site_a-glidein-42", tag.JobName("glidein-42"));
        Assert.Throws<BatchRequestException>(() => tag.JobName("x;rm -rf"));
    }

    [Theory]
    [InlineData("site_a-g1", "condoractors:site_a", true)]
    [InlineData("anything", "condoractors:site_a", true)]
    [InlineData("site_a-g1", null, true)]
    [InlineData("site_a-g1", "condoractors:site_b", false)]
    [InlineData("site_ab-g1", null, false)]
    [InlineData("other", null, false)]
    public void Matches_by_comment_or_by_name_prefix_when_there_is_no_comment(string name, string? comment, bool expected) =>
        Assert.Equal(expected, new BatchJobTag("site_a").Matches(name, comment));
}
