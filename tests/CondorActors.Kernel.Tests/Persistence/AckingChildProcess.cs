using System.Diagnostics;
using System.Globalization;

namespace CondorActors.Kernel.Tests.Persistence;

/// <summary>
/// Starts a <c>condoractors-testprog</c> writer that prints <c>ACK &lt;persistence-id&gt; &lt;seq&gt; ...</c>
/// once each event is durable, reads ACKs until enough arrived, then kills it with SIGKILL.
/// </summary>
internal static class AckingChildProcess
{
    /// <summary>
    /// Returns the highest acknowledged sequence number per persistence id. Asserts the ACKs of
    /// one id come consecutively from 1 (each write is awaited before the next of that id);
    /// <paramref name="checkLine"/> may check the other fields of each line.
    /// </summary>
    public static async Task<Dictionary<string, long>> RunAndKillAsync(IReadOnlyList<string> arguments, int acksBeforeKill, Action<string[]>? checkLine = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "condoractors-testprog.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start condoractors-testprog");
        var stderr = process.StandardError.ReadToEndAsync();
        var acknowledged = new Dictionary<string, long>();
        var lines = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            while (lines < acksBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"{arguments[0]} exited ({process.ExitCode}) after {lines} ACKs: {await stderr}");
                var parts = line.Split(' ');
                Assert.Equal("ACK", parts[0]);
                var sequenceNr = long.Parse(parts[2], CultureInfo.InvariantCulture);
                Assert.Equal(acknowledged.GetValueOrDefault(parts[1]) + 1, sequenceNr);
                checkLine?.Invoke(parts);
                acknowledged[parts[1]] = sequenceNr;
                lines++;
            }
        }
        finally
        {
            // Process.Kill sends SIGKILL on Unix: no chance to flush or close anything.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return acknowledged;
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
