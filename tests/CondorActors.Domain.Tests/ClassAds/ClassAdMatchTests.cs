using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

public sealed class ClassAdMatchTests
{
    private static ClassAd Job(string requirements, string extra = "") => ClassAd.Parse(
        $"[ MyType = \"Job\"; RequestMemory = 1024; RequestCpus = 1; Owner = \"alice\"; Requirements = {requirements}; {extra} ]");

    private static ClassAd Slot(string requirements, string extra = "") => ClassAd.Parse(
        $"[ MyType = \"Machine\"; Memory = 2048; Cpus = 2; Arch = \"X86_64\"; OpSys = \"LINUX\"; Requirements = {requirements}; {extra} ]");

    [Theory]
    [InlineData("TARGET.Memory >= MY.RequestMemory", "TARGET.RequestMemory <= MY.Memory", true)]
    [InlineData("TARGET.Memory >= RequestMemory", "true", true)]
    [InlineData("Memory >= RequestMemory", "true", true)]
    [InlineData("TARGET.Memory >= 4096", "true", false)]
    [InlineData("true", "TARGET.Owner == \"bob\"", false)]
    [InlineData("true", "TARGET.Owner == \"ALICE\"", true)]
    [InlineData("TARGET.Arch == \"x86_64\" && TARGET.OpSys == \"linux\"", "true", true)]
    [InlineData("TARGET.NoSuch == 1", "true", false)]
    [InlineData("TARGET.NoSuch =?= undefined", "true", true)]
    [InlineData("true", "1 / 0", false)]
    [InlineData("1", "true", false)]
    [InlineData("true", "regexp(\"^al\", TARGET.Owner)", true)]
    [InlineData("TARGET.Cpus >= RequestCpus && TARGET.Memory >= RequestMemory", "START", false)]
    public void Symmetric_match_needs_both_requirements_true(string jobRequirements, string slotRequirements, bool matches)
    {
        var job = Job(jobRequirements);
        var slot = Slot(slotRequirements);

        Assert.Equal(matches, ClassAdMatch.Symmetric(job, slot));
        Assert.Equal(matches, ClassAdMatch.Symmetric(slot, job));
    }

    [Fact]
    public void Accepts_is_one_directional()
    {
        var job = Job("true");
        var slot = Slot("false");

        Assert.True(ClassAdMatch.Accepts(job, slot));
        Assert.False(ClassAdMatch.Accepts(slot, job));
        Assert.False(ClassAdMatch.Symmetric(job, slot));
    }

    [Fact]
    public void Missing_requirements_do_not_match()
    {
        Assert.False(ClassAdMatch.Accepts(new ClassAd(), Slot("true")));
    }

    [Theory]
    [InlineData("TARGET.Memory", 2048)]
    [InlineData("TARGET.Memory / 1024.0", 2.0)]
    [InlineData("TARGET.Arch == \"X86_64\"", 1)]
    [InlineData("TARGET.NoSuch", 0)]
    [InlineData("\"text\"", 0)]
    public void Rank_evaluates_against_the_candidate(string rank, double expected)
    {
        var job = Job("true", $"Rank = {rank}");

        Assert.Equal(expected, ClassAdMatch.Rank(job, Slot("true")));
    }

    [Fact]
    public void Real_job_and_slot_ads_from_a_pool_match_each_other()
    {
        var job = ClassAdJsonTests.Load("condor_q_-json.out")[0];
        var slot = ClassAdJsonTests.Load("condor_status_-json.out")[0];

        Assert.True(ClassAdMatch.Symmetric(job, slot));

        slot.Set("Memory", ClassAdValue.FromInteger(0));
        Assert.False(ClassAdMatch.Symmetric(job, slot));
    }
}
