using CondorActors.Domain.Glideins;

namespace CondorActors.Domain.Tests.Glideins;

/// <summary>
/// Generated startd configurations and batch scripts against recorded expectations in
/// TestData/glideins/ (one per mode and security method). After an intended change, regenerate
/// with CONDORACTORS_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GlideinConfigGoldenTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, GlideinMode, GlideinSecurity, bool> Cases() => new()
    {
        { "split-idtokens-pending.condor_config", GlideinMode.Split, GlideinSecurity.IdTokens, false },
        { "split-idtokens-running.condor_config", GlideinMode.Split, GlideinSecurity.IdTokens, true },
        { "split-password-pending.condor_config", GlideinMode.Split, GlideinSecurity.PoolPassword, false },
        { "split-idtokens.batch.sh", GlideinMode.Split, GlideinSecurity.IdTokens, false },
        { "pilot-idtokens.batch.sh", GlideinMode.Pilot, GlideinSecurity.IdTokens, true },
        { "pilot-password.batch.sh", GlideinMode.Pilot, GlideinSecurity.PoolPassword, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_file_matches_the_recorded_expectation(string name, GlideinMode mode, GlideinSecurity security, bool willing)
    {
        var settings = new GlideinSiteSettings
        {
            Name = "perlmutter",
            DataDirectory = "/var/lib/condoractors",
            CollectorHost = "cm.example.org:9618",
            Security = security,
            NodeLauncher = name.StartsWith("pilot", StringComparison.Ordinal) ? ["srun", "--ntasks-per-node=1"] : [],
        };
        var spec = new GlideinSpec { Nodes = 2, SlotsPerNode = 4, Walltime = TimeSpan.FromHours(2), Mode = mode };
        var glidein = GlideinState.Initial(new GlideinRequested("g20250101000000-0123abcd", "perlmutter", spec, "test", T0));
        var files = new GlideinFiles(settings.DataDirectory, settings.Name, glidein.GlideinId);

        var actual = name.EndsWith(".sh", StringComparison.Ordinal)
            ? GlideinBatchScript.Render(settings, glidein, files)
            : GlideinStartdConfig.Render(settings, glidein, files, "4242", willing);

        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "glideins", name);
        if (Environment.GetEnvironmentVariable("CONDORACTORS_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Batch.RepositoryRoot.Path, "tests", "CondorActors.Domain.Tests", "TestData", "glideins", name);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No recorded expectation {name}; generate it with CONDORACTORS_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void Shell_quoting_survives_quotes_in_values()
    {
        Assert.Equal("'it'\\''s'", GlideinBatchScript.Quote("it's"));
    }
}
