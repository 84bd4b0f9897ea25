using System.Globalization;
using System.Text.RegularExpressions;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// Reads what the write tools printed (recordings in tests/CondorActors.Domain.Tests/TestData/condor):
/// <list type="bullet">
/// <item><c>condor_submit -terse</c>: <c>3.0 - 3.2</c>; failures exit 1 with <c>ERROR: ...</c> lines on stderr.</item>
/// <item>rm/hold/release/vacate: one line per job on stdout (<c>Job 5.0 held</c>); failures exit 1 with
/// <c>Job 99999.0 not found</c>, <c>Couldn't find/remove all jobs in cluster 99999</c>,
/// <c>Job 5.3 not held to be released</c> or <c>Job 9.1 not running to be vacated</c> on stderr.</item>
/// </list>
/// </summary>
internal static partial class CondorWriteOutput
{
    private static readonly string[] RefusedPhrases = ["not held to be released", "not running to be vacated", "already", "Permission denied", "not in a state"];

    private static readonly string[] NotFoundPhrases = ["not found", "Couldn't find"];

    /// <exception cref="CondorException">The output is not the terse form.</exception>
    public static SubmittedJobs ParseTerse(string stdout)
    {
        var line = stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? string.Empty;
        var match = TersePattern().Match(line);
        if (!match.Success || match.Groups[1].Value != match.Groups[3].Value)
        {
            throw new CondorException($"condor_submit -terse printed '{line}', not 'CLUSTER.FIRST - CLUSTER.LAST'.");
        }

        int Group(int i) => int.Parse(match.Groups[i].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return new SubmittedJobs(Group(1), Group(2), Group(4));
    }

    /// <summary>A failed condor_submit: its ERROR lines as a rejection, or the generic classification.</summary>
    public static CondorException ClassifySubmit(ProcessResult result)
    {
        var stderr = result.StandardError;
        if (CondorErrorClassifier.FindUnreachable(stderr) is null && !stderr.Contains("not allowed for security reasons", StringComparison.Ordinal))
        {
            var errors = Lines(stderr).Where(line => line.StartsWith("ERROR", StringComparison.Ordinal)).ToList();
            if (errors.Count > 0)
            {
                return new CondorSubmitRejectedException(
                    string.Join(" ", errors),
                    result.Command.DisplayCommandLine,
                    CondorErrorClassifier.Tail(stderr),
                    result.ExitCode);
            }
        }

        return CondorErrorClassifier.Classify(result, constraint: null, name: null);
    }

    /// <summary>A failed job-control command: not found, refused transition, or the generic classification.</summary>
    public static CondorException ClassifyAction(ProcessResult result, string? constraint)
    {
        var lines = Lines(result.StandardError).ToList();
        var commandLine = result.Command.DisplayCommandLine;
        var tail = CondorErrorClassifier.Tail(result.StandardError);
        if (CondorErrorClassifier.FindUnreachable(result.StandardError) is null)
        {
            if (lines.FirstOrDefault(line => RefusedPhrases.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))) is { } refused)
            {
                return new CondorTransitionRefusedException(refused, commandLine, tail, result.ExitCode);
            }

            if (lines.FirstOrDefault(line => NotFoundPhrases.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))) is { } notFound)
            {
                return new CondorJobNotFoundException(notFound, commandLine, tail, result.ExitCode);
            }
        }

        return CondorErrorClassifier.Classify(result, constraint, name: null);
    }

    public static IReadOnlyList<string> Messages(string stdout) => Lines(stdout).ToList();

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);

    [GeneratedRegex(@"^(\d+)\.(\d+)\s*-\s*(\d+)\.(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TersePattern();
}
