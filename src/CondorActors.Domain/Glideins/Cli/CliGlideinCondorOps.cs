using CondorActors.Domain.ClassAds;
using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Cli;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Glideins.Cli;

/// <summary>
/// Glidein operations over HTCondor's command-line tools (argv only, never a shell). Queries go
/// through <see cref="CondorCliGateway"/> (its JSON parsing, constraint handling and error
/// mapping: empty output is no ads); <c>condor_advertise</c> and <c>condor_vacate_job</c> are run
/// here, with the outcomes HTCondor 8.7 was recorded printing (fixtures step7*).
/// </summary>
public sealed partial class CliGlideinCondorOps : IGlideinCondorOps
{
    /// <summary>Most job ids on one <c>condor_vacate_job</c> command line (keeps argv far below ARG_MAX).</summary>
    internal const int VacateBatchSize = 500;

    private readonly IProcessRunner _runner;
    private readonly CondorOptions _options;
    private readonly CondorCliGateway _gateway;
    private readonly string _scratchDirectory;

    /// <param name="runner">Runs the tools.</param>
    /// <param name="options">Tool location, pool, schedd, timeout, CONDOR_CONFIG.</param>
    /// <param name="scratchDirectory">Where query ad files are written (private, deleted after use); default the system temp folder.</param>
    public CliGlideinCondorOps(IProcessRunner runner, CondorOptions options, string? scratchDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _options = options;
        _gateway = new CondorCliGateway(runner, options);
        _scratchDirectory = string.IsNullOrWhiteSpace(scratchDirectory) ? Path.GetTempPath() : scratchDirectory;
    }

    public async Task<IReadOnlyList<ClassAd>> QueryGlideinAdsAsync(string site, string? glideinId = null, CancellationToken cancellationToken = default)
    {
        var query = new StatusQuery
        {
            AdType = StatusAdType.Startd,
            Constraint = GlideinCondorQueries.SlotsOf(site, glideinId),
            Projection = GlideinCondorQueries.SlotProjection,
        };
        var ads = new List<ClassAd>();
        await foreach (var ad in _gateway.QueryStatusAsync(query, cancellationToken).ConfigureAwait(false))
        {
            ads.Add(ad);
        }

        return ads;
    }

    public Task<IReadOnlyList<GlideinJob>> QueryJobsOnAsync(string glideinId, CancellationToken cancellationToken = default) =>
        QueryJobsAsync(GlideinCondorQueries.JobsOn(glideinId), cancellationToken);

    public Task<IReadOnlyList<GlideinJob>> GetJobsAsync(IReadOnlyList<CondorJobId> jobIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        return jobIds.Count == 0
            ? Task.FromResult<IReadOnlyList<GlideinJob>>([])
            : QueryJobsAsync(GlideinCondorQueries.JobsById(jobIds), cancellationToken);
    }

    private async Task<IReadOnlyList<GlideinJob>> QueryJobsAsync(string constraint, CancellationToken cancellationToken)
    {
        var query = new JobQuery { Constraint = constraint, Projection = GlideinCondorQueries.JobProjection };
        var jobs = new List<GlideinJob>();
        await foreach (var ad in _gateway.QueryJobsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(GlideinCondorQueries.ToJob(ad));
        }

        return jobs;
    }

    private ProcessCommand Command(string program, IEnumerable<string> arguments) =>
        CondorCommand.Create(_options, program, arguments).WithValidation(throwOnNonZeroExit: false);
}
