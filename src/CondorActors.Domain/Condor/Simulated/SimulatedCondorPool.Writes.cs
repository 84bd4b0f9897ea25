using System.Globalization;
using System.Text.RegularExpressions;
using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor.Submit;

namespace CondorActors.Domain.Condor.Simulated;

/// <summary>
/// The write side of the simulated schedd, with HTCondor 8.7's semantics and messages (see the
/// recordings): remove puts a job in the history with JobStatus 3; hold of a held job, release of a
/// job that is not held ("Job 5.3 not held to be released") and vacate of a job that is not running
/// ("Job 9.1 not running to be vacated") are refused; unknown jobs are "not found". A job that
/// leaves its slot (remove, hold, vacate) frees the slot's claim. An action on
/// several jobs succeeds when at least one job changed, like the tools, which report per job.
/// </summary>
public sealed partial class SimulatedCondorPool : ICondorScheduler
{
    private long _submitCalls;

    /// <summary>How many submits (condor_submit runs) the pool accepted: tests count double submits with it.</summary>
    public long SubmitCalls => Interlocked.Read(ref _submitCalls);

    public Task<SubmittedJobs> SubmitAsync(string description, int count, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SubmitDescriptionGuard.CheckDescription(description);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var attributes = new ClassAd();
        var sawExecutable = false;
        foreach (var line in description.TrimEnd('\n').Split('\n'))
        {
            var match = DescriptionLine().Match(line);
            var (name, value) = (match.Groups["name"].Value, match.Groups["value"].Value);
            if (match.Groups["plus"].Length > 0)
            {
                attributes.Set(name, ClassAdExpr.Parse(value));
                continue;
            }

            sawExecutable |= name.Equals("executable", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_image", StringComparison.OrdinalIgnoreCase);
            if (name.Equals("requirements", StringComparison.OrdinalIgnoreCase))
            {
                // The user's expression alone (condor_submit would add Arch, OpSys, Disk and Memory
                // clauses): what the simulated negotiator matches against.
                attributes.Set("Requirements", ClassAdExpr.Parse(value));
                continue;
            }

            if (SubmitCommandAttribute(name) is { } attribute)
            {
                attributes.Set(attribute, long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? ClassAdValue.FromInteger(number)
                    : ClassAdValue.FromString(value));
            }
        }

        if (!sawExecutable)
        {
            // What condor_submit says (recorded): the description has no program to run.
            throw new CondorSubmitRejectedException("ERROR: No 'executable' parameter was provided");
        }

        var ids = SubmitJobs(count, _options.SeedOwner, attributes);
        Interlocked.Increment(ref _submitCalls);
        return Task.FromResult(new SubmittedJobs(ids[0].Cluster, ids[0].Proc, ids[^1].Proc));
    }

    public Task<JobActionResult> ActAsync(JobAction action, JobTarget target, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        cancellationToken.ThrowIfCancellationRequested();
        var constraint = target.Constraint is null ? null : CondorConstraint.Prepare(target.Constraint);
        var messages = new List<string>();
        string? refusal = null;
        lock (_gate)
        {
            var selected = Select(target, constraint);
            if (selected.Count == 0)
            {
                throw new CondorJobNotFoundException(NotFoundMessage(action, target));
            }

            var now = Now;
            var jobs = _jobs;
            var history = _history;
            foreach (var job in selected)
            {
                var (changed, message) = Transition(job, action, reason, now);
                if (changed is null)
                {
                    refusal ??= message;
                    continue;
                }

                messages.Add(message);
                if (changed.RemoteHost is null)
                {
                    ReleaseSlot(job.RemoteHost);
                }

                if (action == JobAction.Remove)
                {
                    jobs = jobs.Remove(job.Id);
                    history = history.Add(changed);
                }
                else
                {
                    jobs = jobs.SetItem(job.Id, changed);
                }
            }

            Volatile.Write(ref _jobs, jobs);
            Volatile.Write(ref _history, history);
        }

        if (messages.Count == 0)
        {
            throw new CondorTransitionRefusedException(refusal!);
        }

        if (target.Cluster is { } cluster && target.Proc is null && action == JobAction.Remove)
        {
            messages = [string.Create(CultureInfo.InvariantCulture, $"All jobs in cluster {cluster} have been marked for removal")];
        }

        return Task.FromResult(new JobActionResult(action, target, messages));
    }

    private List<SimulatedJob> Select(JobTarget target, CondorConstraint? constraint)
    {
        if (constraint is not null)
        {
            return constraint.SelectsNothing ? [] : [.. _jobs.Values.Where(job => constraint.Matches(ToClassAd(job)))];
        }

        if (target.Proc is { } proc)
        {
            return _jobs.TryGetValue(new CondorJobId(target.Cluster!.Value, proc), out var job) ? [job] : [];
        }

        return [.. _jobs.Values.Where(job => job.Id.Cluster == target.Cluster)];
    }

    private (SimulatedJob? Changed, string Message) Transition(SimulatedJob job, JobAction action, string? reason, long now)
    {
        SimulatedJob Move(CondorJobStatus status) => job with { Status = status, LastStatus = job.Status, EnteredCurrentStatus = now };
        return action switch
        {
            JobAction.Remove => (Move(CondorJobStatus.Removed) with { RemoteHost = null }, $"Job {job.Id} marked for removal"),
            JobAction.Hold when job.Status == CondorJobStatus.Held => (null, $"Job {job.Id} already held"),
            JobAction.Hold when job.Status is CondorJobStatus.Removed or CondorJobStatus.Completed => (null, $"Job {job.Id} not in a state to be held"),
            JobAction.Hold => (Move(CondorJobStatus.Held) with { RemoteHost = null, HoldReason = reason ?? $"via condor_hold (by user {job.Owner})" }, $"Job {job.Id} held"),
            JobAction.Release when job.Status != CondorJobStatus.Held => (null, $"Job {job.Id} not held to be released"),
            JobAction.Release => (Move(CondorJobStatus.Idle) with { HoldReason = null }, $"Job {job.Id} released"),
            JobAction.Vacate when job.Status != CondorJobStatus.Running => (null, $"Job {job.Id} not running to be vacated"),
            JobAction.Vacate => (Move(CondorJobStatus.Idle) with { RemoteHost = null }, $"Job {job.Id} vacated"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown action"),
        };
    }

    private static string NotFoundMessage(JobAction action, JobTarget target)
    {
        var verb = action switch
        {
            JobAction.Remove => "remove",
            JobAction.Hold => "hold",
            JobAction.Release => "release",
            _ => "vacate",
        };
        return target.Constraint is not null ? $"Couldn't find/{verb} all jobs matching constraint ({target.Constraint})"
            : target.Proc is not null ? $"Job {target} not found"
            : $"Couldn't find/{verb} all jobs in cluster {target.Cluster}";
    }

    /// <summary>The job attribute a submit command sets, for the ones a simulated ad shows.</summary>
    private static string? SubmitCommandAttribute(string command) => command.ToLowerInvariant() switch
    {
        "executable" => "Cmd",
        "arguments" => "Args",
        "initialdir" => "Iwd",
        "output" => "Out",
        "error" => "Err",
        "log" => "UserLog",
        "request_cpus" => "RequestCpus",
        "request_memory" => "RequestMemory",
        "request_disk" => "RequestDisk",
        "batch_name" => "JobBatchName",
        _ => null,
    };

    [GeneratedRegex(@"^(?<plus>\+?)(?<name>[A-Za-z_][A-Za-z0-9_]*) = (?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DescriptionLine();
}
