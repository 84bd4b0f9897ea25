namespace CondorActors.Domain.Tests.Batch;

/// <summary>Recorded batch-system outputs in tests/CondorActors.Domain.Tests/TestData/batch (see its README).</summary>
internal static class TestData
{
    public static string PathOf(string relative) =>
        Path.Combine(RepositoryRoot.Path, "tests", "CondorActors.Domain.Tests", "TestData", "batch", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
