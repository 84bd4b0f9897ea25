namespace CondorActors.Server.Hosting;

/// <summary>Dispatches the executable's sub-commands; anything else starts the server.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = ServerHost.Build(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
