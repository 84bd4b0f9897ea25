using System.Text.RegularExpressions;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;

namespace CondorActors.Domain.Glideins.Cli;

public sealed partial class CliGlideinCondorOps
{
    /// <summary>
    /// <c>condor_vacate_job [-pool P] [-name S] ID ID ...</c> in one command (batches of
    /// <see cref="VacateBatchSize"/>). The tool answers per job and exits 1 if any job failed;
    /// "Job 9.1 not running to be vacated" and "Job 99999.0 not found" (recorded) only mean the
    /// job no longer needs it, so they are not errors: the caller verifies with
    /// <see cref="GetJobsAsync"/>. Anything else throws the gateway's typed <see cref="CondorException"/>.
    /// </summary>
    public async Task VacateJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        foreach (var batch in jobIds.Distinct().Chunk(VacateBatchSize))
        {
            var command = Command(CondorWriteArguments.Program(JobAction.Vacate), CondorWriteArguments.ActOnJobs(batch, _options));
            var result = await CondorCommand.RunAsync(_runner, command, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0 || OnlyHarmlessRefusals(result.StandardError))
            {
                continue;
            }

            throw CondorWriteOutput.ClassifyAction(result, constraint: null);
        }
    }

    /// <summary>Every line on stderr says a job is not running or not in the queue (and there is at least one).</summary>
    private static bool OnlyHarmlessRefusals(string stderr)
    {
        var lines = stderr.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        return lines.Count > 0 && lines.All(line => HarmlessPattern().IsMatch(line));
    }

    [GeneratedRegex(@"^Job \d+\.\d+ (not running to be vacated|not found)$", RegexOptions.CultureInvariant)]
    private static partial Regex HarmlessPattern();
}
