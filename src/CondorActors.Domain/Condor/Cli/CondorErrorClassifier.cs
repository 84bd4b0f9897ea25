using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// Turns what an HTCondor 8.7 tool left on stderr into a typed error. The phrases are the ones the
/// tools print (see the recordings in tests/CondorActors.Domain.Tests/TestData/condor):
/// <list type="bullet">
/// <item>condor_status -pool 127.0.0.1:1: "CEDAR:6001:Failed to connect to &lt;...&gt;",
/// "Error: Couldn't contact the condor_collector on ..." (exit 1) - unreachable.</item>
/// <item>condor_q against a schedd that is down: "-- Failed to fetch ads from: ...", "Can't connect" - unreachable.</item>
/// <item>"Error: Collector has no record of schedd/submitter", "Can't find address for ..." - not found.</item>
/// <item>"-- Parse error in constraint expression" (exit 1) - bad constraint.</item>
/// </list>
/// Connection phrases are checked before "not found" ones: a tool that cannot reach the collector
/// also fails to find the daemon, and the first cause is the one to report.
/// </summary>
internal static class CondorErrorClassifier
{
    private static readonly string[] UnreachablePhrases =
    [
        "Failed to fetch ads",
        "Failed to connect",
        "Couldn't contact",
        "Can't connect",
        "Unable to contact",
        "communication error",
        "Connection refused",
        "SECMAN:2007",
    ];

    private static readonly string[] NotFoundPhrases =
    [
        "has no record of",
        "Can't find address",
        "Unable to find",
    ];

    private const string ConstraintPhrase = "Parse error in constraint expression";

    /// <summary>Maps a failed run; never returns null (unrecognised failures become a plain <see cref="CondorException"/>).</summary>
    public static CondorException Classify(ProcessResult result, string? constraint, string? name)
    {
        var stderr = result.StandardError;
        var tail = Tail(stderr);
        var commandLine = result.Command.DisplayCommandLine;
        if (stderr.Contains(ConstraintPhrase, StringComparison.Ordinal))
        {
            return new CondorConstraintException(
                $"HTCondor rejected the constraint: {FirstLine(stderr, ConstraintPhrase)}",
                constraint ?? string.Empty,
                position: null,
                commandLine,
                tail,
                result.ExitCode);
        }

        if (FindUnreachable(stderr) is { } unreachable)
        {
            return new CondorUnreachableException($"HTCondor is unreachable: {unreachable}", commandLine, tail, result.ExitCode);
        }

        if (NotFoundPhrases.FirstOrDefault(p => stderr.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } notFound)
        {
            return new CondorNotFoundException($"Not found: {FirstLine(stderr, notFound)}", name, commandLine, tail, result.ExitCode);
        }

        var detail = tail.Trim().Length == 0 ? "no output on stderr" : FirstNonEmptyLine(stderr);
        return new CondorException($"{Path.GetFileName(result.Command.Program)} failed with exit code {result.ExitCode}: {detail}", commandLine, tail, result.ExitCode);
    }

    /// <summary>
    /// The line saying a daemon could not be reached, or null. Checked even after exit 0 with no
    /// output: a tool that printed nothing because it reached nobody must not read as "no ads".
    /// </summary>
    public static string? FindUnreachable(string stderr)
    {
        var phrase = UnreachablePhrases.FirstOrDefault(p => stderr.Contains(p, StringComparison.OrdinalIgnoreCase));
        return phrase is null ? null : FirstLine(stderr, phrase);
    }

    internal static string Tail(string stderr) =>
        stderr.Length <= ProcessExitException.StandardErrorTailLength ? stderr : "..." + stderr[^ProcessExitException.StandardErrorTailLength..];

    private static string FirstLine(string text, string phrase) =>
        text.Split('\n').Select(line => line.Trim()).First(line => line.Contains(phrase, StringComparison.OrdinalIgnoreCase));

    private static string FirstNonEmptyLine(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? string.Empty;
}
