using CondorActors.Domain.Condor.Submit;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// <see cref="ICondorScheduler"/> over condor_submit, condor_rm, condor_hold, condor_release and
/// condor_vacate_job (argv only, never a shell; the description goes on stdin). Failures become
/// typed errors from the tools' stderr (<see cref="CondorWriteOutput"/>).
/// </summary>
public sealed class CondorCliScheduler : ICondorScheduler
{
    private readonly IProcessRunner _runner;
    private readonly CondorOptions _options;

    public CondorCliScheduler(IProcessRunner runner, CondorOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _options = options;
    }

    public CondorBackendKind Backend => CondorBackendKind.Cli;

    public async Task<SubmittedJobs> SubmitAsync(string description, int count, CancellationToken cancellationToken = default)
    {
        SubmitDescriptionGuard.CheckDescription(description);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var command = Command("condor_submit", CondorWriteArguments.Submit(_options))
            .WithStandardInput(CondorWriteArguments.SubmitInput(description, count));
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw CondorWriteOutput.ClassifySubmit(result);
        }

        var submitted = CondorWriteOutput.ParseTerse(result.StandardOutput);
        return submitted.Count == count
            ? submitted
            : throw new CondorException($"condor_submit queued {submitted.Count} jobs ({submitted.JobIds}), not {count}.", command.DisplayCommandLine);
    }

    public async Task<JobActionResult> ActAsync(JobAction action, JobTarget target, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        CondorConstraint? constraint = null;
        if (target.Constraint is not null)
        {
            constraint = CondorConstraint.Prepare(target.Constraint);
            if (constraint.SelectsNothing)
            {
                throw new CondorJobNotFoundException($"No jobs match constraint ({target.Constraint})");
            }
        }

        var command = Command(CondorWriteArguments.Program(action), CondorWriteArguments.Act(action, target, constraint, reason, _options));
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? new JobActionResult(action, target, CondorWriteOutput.Messages(result.StandardOutput))
            : throw CondorWriteOutput.ClassifyAction(result, target.Constraint);
    }

    // Exit codes are read here: the tools' stderr says which failure it was.
    private ProcessCommand Command(string program, IEnumerable<string> arguments) =>
        CondorCommand.Create(_options, program, arguments).WithValidation(throwOnNonZeroExit: false);

    private Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken) =>
        CondorCommand.RunAsync(_runner, command, cancellationToken);
}
