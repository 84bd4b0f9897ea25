using System.Runtime.CompilerServices;
using CondorActors.Domain.ClassAds;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Condor.Cli;

/// <summary>
/// <see cref="ICondorGateway"/> over HTCondor 8.7's command-line tools, run through
/// <see cref="IProcessRunner"/> (argv only, never a shell). Ads are parsed from the tools' JSON as
/// it streams, so a 100,000-job answer is never held whole; quirks of the tools (empty output for
/// no results, <c>-constraint false</c> returning every job) are absorbed here; failures become
/// typed <see cref="CondorException"/>s.
/// </summary>
public sealed partial class CondorCliGateway : ICondorGateway
{
    private readonly IProcessRunner _runner;
    private readonly CondorOptions _options;

    public CondorCliGateway(IProcessRunner runner, CondorOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _options = options;
    }

    public CondorBackendKind Backend => CondorBackendKind.Cli;

    public IAsyncEnumerable<ClassAd> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StreamAdsAsync(
            "condor_q",
            () => CondorConstraint.Prepare(query.Constraint),
            constraint => CondorArguments.Jobs(query, constraint, _options),
            query.Limit,
            query.Schedd ?? _options.Schedd,
            cancellationToken);
    }

    public IAsyncEnumerable<ClassAd> QueryHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StreamAdsAsync(
            "condor_history",
            () => CondorConstraint.Prepare(query.Constraint, CondorQueryClauses.History(query)),
            constraint => CondorArguments.History(query, constraint, _options),
            query.Limit,
            query.Schedd ?? _options.Schedd,
            cancellationToken);
    }

    public IAsyncEnumerable<ClassAd> QueryStatusAsync(StatusQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StreamAdsAsync(
            "condor_status",
            () => CondorConstraint.Prepare(query.Constraint, CondorQueryClauses.Status(query)),
            constraint => CondorArguments.Status(query, constraint, _options),
            query.Limit,
            query.Name,
            cancellationToken);
    }

    private async IAsyncEnumerable<ClassAd> StreamAdsAsync(
        string program,
        Func<CondorConstraint> prepare,
        Func<CondorConstraint, IReadOnlyList<string>> buildArguments,
        int? limit,
        string? name,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Everything, validation included, happens on the first MoveNextAsync: callers see errors
        // before the first ad, whichever backend they use.
        var constraint = prepare();
        if (constraint.SelectsNothing || limit <= 0)
        {
            yield break;
        }

        var command = BuildCommand(program, buildArguments(constraint));
        await using var run = new StreamingRun(_runner, command);
        var yielded = 0;
        while (await run.Ads.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (run.Ads.TryRead(out var ad))
            {
                yield return ad;
                if (++yielded == limit)
                {
                    // Enough: disposing the run stops the tool.
                    yield break;
                }
            }
        }

        var result = await CompleteAsync(run.Completion, constraint.UserText, name).ConfigureAwait(false);

        // A tool that reached nobody may still exit 0 with nothing on stdout: that is not "no ads".
        if (yielded == 0 && CondorErrorClassifier.FindUnreachable(result.StandardError) is { } line)
        {
            throw new CondorUnreachableException(
                $"HTCondor is unreachable: {line}",
                command.DisplayCommandLine,
                CondorErrorClassifier.Tail(result.StandardError),
                result.ExitCode);
        }
    }

    private ProcessCommand BuildCommand(string program, IEnumerable<string> arguments) =>
        CondorCommand.Create(_options, program, arguments).WithOutputLimit(_options.MaxOutputBytes);

    /// <summary>Awaits a run, turning the process runner's failures into typed gateway errors.</summary>
    private static async Task<ProcessResult> CompleteAsync(Task<ProcessResult> run, string? constraint, string? name)
    {
        try
        {
            return await CondorCommand.AwaitAsync(() => run).ConfigureAwait(false);
        }
        catch (ProcessExitException ex)
        {
            throw CondorErrorClassifier.Classify(ex.Result, constraint, name);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new CondorException($"HTCondor printed output that is not ClassAd JSON: {ex.Message}", ex);
        }
    }
}
