using CondorActors.Server.Commands;

namespace CondorActors.Server.Hosting;

/// <summary>Dispatches the executable's sub-commands; anything else starts the server.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["config", ..])
        {
            return ConfigCommand.Run(args[1..], Console.Out, Console.Error);
        }

        if (args is ["token", ..])
        {
            return await TokenCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
        }

        if (args is ["hpc-half", ..])
        {
            return await HpcHalfCommand.RunAsync(args[1..], Console.Error).ConfigureAwait(false);
        }

        if (args is ["bridge-half", ..])
        {
            return await BridgeHalfCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
        }

        var app = ServerHost.Build(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
