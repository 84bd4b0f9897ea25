namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>Finds the repository root (the folder holding CondorActors.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CondorActors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CondorActors.sln above {AppContext.BaseDirectory}.");
    }
}
