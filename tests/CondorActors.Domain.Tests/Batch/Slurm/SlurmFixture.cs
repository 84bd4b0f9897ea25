using CondorActors.Domain.Batch;
using CondorActors.Domain.Batch.Slurm;
using CondorActors.Kernel.Processes;

namespace CondorActors.Domain.Tests.Batch.Slurm;

/// <summary>
/// Makes sure the local single-node Slurm is up by running scripts/start-slurm.sh (idempotent;
/// installs Slurm when missing). If it cannot, every test of the collection fails with the
/// script's own message: these tests never skip silently.
/// </summary>
public sealed class SlurmFixture : IAsyncLifetime
{
    private Exception? _startFailure;

    public ProcessRunner Runner { get; } = new();

    /// <summary>Scratch folder for job scripts' output, removed at the end.</summary>
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("condoractors-slurm-tests-").FullName;

    public async Task InitializeAsync()
    {
        try
        {
            await StartSlurmAsync();
        }
        catch (Exception ex)
        {
            _startFailure = ex;
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(WorkDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Throws the start-up failure, if any, so the calling test fails with it.</summary>
    public void EnsureStarted()
    {
        if (_startFailure is not null)
        {
            throw new InvalidOperationException("The local Slurm could not be started by scripts/start-slurm.sh: " + _startFailure.Message, _startFailure);
        }
    }

    public Task<ProcessResult> StartSlurmAsync() => RunScriptAsync("start-slurm.sh");

    public Task<ProcessResult> StopControllerAsync() => RunScriptAsync("stop-slurm.sh", "slurmctld");

    public SlurmBatchSystem CreateAdapter(BatchJobTag tag, IProcessRunner? runner = null, BatchRetryPolicy? retry = null) =>
        new(
            new SlurmSiteOptions
            {
                Tag = tag,
                AllowedExtraDirectives = ["--begin", "--hold"],
                Retry = retry ?? new BatchRetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(200) },
            },
            runner ?? Runner);

    public static BatchJobTag NewTag() => new("t" + Guid.NewGuid().ToString("N")[..10]);

    private Task<ProcessResult> RunScriptAsync(string script, params string[] arguments) =>
        Runner.RunAsync(new ProcessCommand("bash", [Path.Combine(RepositoryRoot.Path, "scripts", script), .. arguments])
            .WithTimeout(TimeSpan.FromMinutes(5)));
}

[CollectionDefinition(Name)]
public sealed class SlurmCollection : ICollectionFixture<SlurmFixture>
{
    // One collection: the tests share one slurmctld, and one of them stops it.
    public const string Name = "Local Slurm";
}
