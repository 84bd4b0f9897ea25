using System.Text;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.ClassAds;

/// <summary>
/// The JSON reader shares one name index among ads with the same attribute names and interns
/// names and short values: these tests pin that sharing never leaks between ads.
/// </summary>
public sealed class ClassAdJsonSharedNamesTests
{
    private static string Jobs(int count) => "[" + string.Join(",", Enumerable.Range(0, count).Select(i => i % 2 == 0
        ? $"{{\"ClusterId\": {i}, \"Owner\": \"alice\", \"A1\": 1, \"A2\": 2, \"A3\": 3, \"A4\": 4, \"A5\": 5, \"A6\": 6, \"A7\": 7, \"A8\": 8, \"Req\": \"\\/Expr(ClusterId + 1)\\/\"}}"
        : $"{{\"ClusterId\": {i}, \"Owner\": \"bob\", \"RemoteHost\": \"slot{i}@node\", \"B1\": 1, \"B2\": 2, \"B3\": 3, \"B4\": 4, \"B5\": 5, \"B6\": 6, \"B7\": 7, \"B8\": 8}}")) + "]";

    [Fact]
    public void Ads_of_alternating_kinds_look_up_their_own_values()
    {
        var ads = ClassAdJson.ParseAds(Jobs(40));

        for (var i = 0; i < ads.Count; i++)
        {
            Assert.Equal(ClassAdValue.FromInteger(i), ads[i].Evaluate("clusterid"));
            Assert.Equal(ClassAdValue.FromString(i % 2 == 0 ? "alice" : "bob"), ads[i].Evaluate("OWNER"));
            Assert.Equal(i % 2 == 0 ? ClassAdValue.FromInteger(i + 1) : ClassAdValue.Undefined, ads[i].Evaluate("Req"));
            Assert.Equal(11, ads[i].Count);
        }
    }

    [Fact]
    public void Adding_and_removing_attributes_in_one_ad_leaves_its_siblings_alone()
    {
        var ads = ClassAdJson.ParseAds(Jobs(6));
        _ = ads[2].Count;
        _ = ads[4].Contains("A1");

        ads[2].Set("Extra", ClassAdValue.FromInteger(42));
        ads[4].Remove("A3");
        ads[4].Set("a1", ClassAdValue.FromInteger(100));

        Assert.Equal(ClassAdValue.FromInteger(42), ads[2].Evaluate("extra"));
        Assert.False(ads[0].Contains("Extra"));
        Assert.False(ads[4].Contains("Extra"));
        Assert.True(ads[0].Contains("A3"));
        Assert.False(ads[4].Contains("A3"));
        Assert.Equal(ClassAdValue.FromInteger(8), ads[4].Evaluate("A8"));
        Assert.Equal(ClassAdValue.FromInteger(100), ads[4].Evaluate("A1"));
        Assert.Equal(ClassAdValue.FromInteger(1), ads[0].Evaluate("A1"));
        Assert.Equal(["ClusterId", "Owner", "A1", "A2", "A4", "A5", "A6", "A7", "A8", "Req"], ads[4].Names);
        Assert.Equal(12, ads[2].Count);
    }

    [Fact]
    public void Duplicate_names_merge_in_every_ad_that_repeats_them()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 4).Select(i =>
            $"{{\"X\": {i}, \"a1\": 1, \"a2\": 2, \"a3\": 3, \"a4\": 4, \"a5\": 5, \"a6\": 6, \"a7\": 7, \"a8\": 8, \"x\": {i * 10}}}")) + "]";

        var ads = ClassAdJson.ParseAds(json);

        for (var i = 0; i < ads.Count; i++)
        {
            Assert.Equal(9, ads[i].Count);
            Assert.Equal(ClassAdValue.FromInteger(i * 10), ads[i].Evaluate("X"));
            Assert.Equal("X", ads[i].GetSpelling("x"));
        }
    }

    [Fact]
    public void Ads_sharing_names_answer_lookups_from_several_threads()
    {
        var ads = ClassAdJson.ParseAds(Jobs(200));

        Parallel.For(0, 4 * ads.Count, k =>
        {
            var i = k % ads.Count;
            Assert.Equal(ClassAdValue.FromInteger(i), ads[i].Evaluate("ClusterId"));
            Assert.Equal(i % 2 == 0, ads[i].Contains("a8"));
        });
    }

    [Fact]
    public void Non_ascii_and_escaped_strings_read_exactly()
    {
        var json = """[{"Ünï": "Grüße", "P": "a\/b", "Q": "\/Expr(1", "R": "\/Expr(\"é\" + 1)\/"},{"Ünï": "Grüße", "P": "a\/b", "Q": "\/Expr(1", "R": "\/Expr(\"é\" + 1)\/"}]""";

        var ads = ClassAdJson.ParseAds(Encoding.UTF8.GetBytes(json));

        foreach (var ad in ads)
        {
            Assert.Equal(ClassAdValue.FromString("Grüße"), ad.Evaluate("ünï"));
            Assert.Equal(ClassAdValue.FromString("a/b"), ad.Evaluate("P"));
            Assert.Equal(ClassAdValue.FromString("/Expr(1"), ad.Evaluate("Q"));
            Assert.Equal("\"é\" + 1", ad["R"]!.ToString());
        }
    }
}
