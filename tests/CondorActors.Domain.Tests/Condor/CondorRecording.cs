using System.Globalization;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Tests.Condor;

/// <summary>
/// One command recorded on a real HTCondor 8.7.10 pool (TestData/condor/NAME.cmd, .out, .err):
/// the command line, exit code, stdout and stderr as the tool printed them.
/// </summary>
internal sealed record CondorRecording(string Name, string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "condor");

    public static CondorRecording Load(string name)
    {
        var cmd = File.ReadAllLines(Path.Combine(Directory, name + ".cmd"));
        var exitLine = cmd.Single(line => line.StartsWith("# exit_code:", StringComparison.Ordinal));
        var exitCode = int.Parse(exitLine["# exit_code:".Length..].Trim(), CultureInfo.InvariantCulture);
        return new CondorRecording(
            name,
            cmd[0],
            exitCode,
            File.ReadAllText(Path.Combine(Directory, name + ".out")),
            File.ReadAllText(Path.Combine(Directory, name + ".err")));
    }

    /// <summary>The ads of a recorded <c>-json</c> output.</summary>
    public IReadOnlyList<ClassAd> Ads() => ClassAdJson.ParseAds(StandardOutput);
}
