namespace CondorActors.Domain.Tests.Batch;

internal static class RepositoryRoot
{
    /// <summary>The folder holding CondorActors.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CondorActors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CondorActors.sln above {AppContext.BaseDirectory}.");
    }
}
