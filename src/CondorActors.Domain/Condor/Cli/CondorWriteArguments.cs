using System.Globalization;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>The argv of the write tools, pure functions of the request (contract-tested).</summary>
internal static class CondorWriteArguments
{
    /// <summary><c>condor_submit -terse [-pool P] [-name S] -</c>: the description comes on stdin.</summary>
    public static IReadOnlyList<string> Submit(CondorOptions options)
    {
        var args = new List<string> { "-terse" };
        AddLocation(args, options);
        args.Add("-");
        return args;
    }

    /// <summary>What condor_submit reads on stdin: the description, then the one queue statement.</summary>
    public static string SubmitInput(string description, int count) =>
        description.TrimEnd('\n') + "\n" + string.Create(CultureInfo.InvariantCulture, $"queue {count}\n");

    public static string Program(JobAction action) => action switch
    {
        JobAction.Remove => "condor_rm",
        JobAction.Hold => "condor_hold",
        JobAction.Release => "condor_release",
        JobAction.Vacate => "condor_vacate_job",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
    };

    /// <summary>
    /// <c>condor_hold [-pool P] [-name S] [-reason R] (C.P | C | -constraint EXPR)</c>; a constraint
    /// arrives prepared (<c>(EXPR) =?= true</c>), so a bare <c>false</c> cannot select every job.
    /// </summary>
    public static IReadOnlyList<string> Act(JobAction action, JobTarget target, CondorConstraint? constraint, string? reason, CondorOptions options)
    {
        var args = new List<string>();
        AddLocation(args, options);
        if (reason is not null && action == JobAction.Hold)
        {
            args.Add("-reason");
            args.Add(reason);
        }

        if (target.Constraint is not null)
        {
            args.Add("-constraint");
            args.Add(constraint?.ToolText ?? throw new ArgumentException("A constraint target needs its prepared constraint.", nameof(constraint)));
        }
        else
        {
            args.Add(target.ToString());
        }

        return args;
    }

    /// <summary>
    /// <c>condor_vacate_job [-pool P] [-name S] C.P C.P ...</c> (rm/hold/release alike): several jobs
    /// in one command, one argument each; the tool answers per job (<c>Job 9.0 vacated</c>).
    /// </summary>
    public static IReadOnlyList<string> ActOnJobs(IEnumerable<CondorJobId> jobIds, CondorOptions options)
    {
        var args = new List<string>();
        AddLocation(args, options);
        args.AddRange(jobIds.Select(id => id.ToString()));
        return args;
    }

    private static void AddLocation(List<string> args, CondorOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Pool))
        {
            args.Add("-pool");
            args.Add(options.Pool);
        }

        if (!string.IsNullOrWhiteSpace(options.Schedd))
        {
            args.Add("-name");
            args.Add(options.Schedd);
        }
    }
}
