using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hocon-provider-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "app.conf");
        File.WriteAllText(path, text);
        return path;
    }

    private static IConfigurationRoot Build(string? file, Dictionary<string, string?>? env = null, params string[] commandLine) =>
        new ConfigurationBuilder().AddCondorActorsLayers(file, env ?? [], commandLine).Build();

    [Fact]
    public void Embedded_reference_gives_the_documented_defaults()
    {
        var config = Build(null);

        Assert.Equal("./data", config["condoractors:data-dir"]);
        Assert.Equal("sqlite", config["condoractors:journal:provider"]);
        Assert.Equal("http://127.0.0.1:9680", config["condoractors:http:urls"]);
        Assert.Equal("auto", config["condoractors:condor:backend"]);
        Assert.Equal("false", config["condoractors:auth:anonymous-read"]);
        Assert.Empty(CondorActorsOptionsRegistration.BindAndValidate(config));
    }

    [Fact]
    public void Keys_flatten_with_colons_and_arrays_with_indexes()
    {
        var config = Build(Write("condoractors { extra { list = [a, b], nested.deep = 1 } }"));

        Assert.Equal("a", config["condoractors:extra:list:0"]);
        Assert.Equal("b", config["condoractors:extra:list:1"]);
        Assert.Equal("1", config["condoractors:extra:nested:deep"]);
    }

    [Fact]
    public void Precedence_is_reference_then_file_then_environment_then_command_line()
    {
        var file = Write("""
            condoractors.data-dir = /from/file
            condoractors.journal.provider = postgresql
            condoractors.journal.connection-string = "Host=file"
            condoractors.condor.backend = cli
            """);
        var env = new Dictionary<string, string?>
        {
            ["CONDORACTORS__JOURNAL__PROVIDER"] = "sqlite",
            ["CONDORACTORS__CONDOR__BACKEND"] = "simulated",
        };

        var config = Build(file, env, "--condoractors:condor:backend=cli");

        Assert.Equal("/from/file", config["condoractors:data-dir"]);
        Assert.Equal("sqlite", config["condoractors:journal:provider"]);
        Assert.Equal("cli", config["condoractors:condor:backend"]);
        Assert.Equal("30s", config["condoractors:condor:command-timeout"]);
    }

    [Fact]
    public void File_may_refer_to_reference_values_and_environment_through_substitutions()
    {
        var file = Write("condoractors.journal.connection-string = \"Data Source=\"${condoractors.data-dir}\"/j.db\"\ncondoractors.data-dir = ${?CA_TEST_DATA}");

        var config = Build(file);
        var provider = config.Providers.OfType<HoconConfigurationProvider>().Single();

        Assert.Equal("Data Source=./data/j.db", config["condoractors:journal:connection-string"]);
        Assert.True(provider.TryGetOrigin("condoractors:data-dir", out var origin));
        Assert.Equal("reference.conf", origin.Description);
    }

    [Theory]
    [InlineData("CONDORACTORS__JOURNAL__PROVIDER", "condoractors:journal:provider")]
    [InlineData("CONDORACTORS__DATA_DIR", "condoractors:data-dir")]
    [InlineData("condoractors__auth__anonymous_read", "condoractors:auth:anonymous-read")]
    [InlineData("CONDORACTORS__SITES__SLURM_A__MAX_GLIDEINS", "condoractors:sites:slurm-a:max-glideins")]
    [InlineData("CONDORACTORS_CONFIG", null)]
    [InlineData("CONDORACTORS__", null)]
    [InlineData("CONDORACTORS__A____B", null)]
    [InlineData("PATH", null)]
    public void Environment_variables_map_to_kebab_case_keys(string variable, string? key) =>
        Assert.Equal(key, CondorActorsEnvironmentSource.KeyFor(variable));

    [Fact]
    public void Durations_sizes_and_booleans_bind_from_hocon_text()
    {
        var file = Write("""
            condoractors.condor { command-timeout = 1.5h, query-cache-ttl = 250, max-output-size = 512 MiB }
            condoractors.journal.group-commit = off
            condoractors.auth.anonymous-read = yes
            condoractors.sites.a { batch-system = slurm, poll-interval = 5 s, heartbeat-timeout = 1m }
            """);
        var services = new ServiceCollection().AddCondorActorsOptions(Build(file)).BuildServiceProvider();

        var condor = services.GetRequiredService<IOptions<CondorSettings>>().Value;
        var journal = services.GetRequiredService<IOptions<JournalSettings>>().Value;
        var site = services.GetRequiredService<IOptions<SitesSettings>>().Value.Sites["a"];

        Assert.Equal(TimeSpan.FromMinutes(90), condor.CommandTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), condor.QueryCacheTtl);
        Assert.Equal(512L * 1024 * 1024, condor.MaxOutputSize);
        Assert.False(journal.GroupCommit);
        Assert.True(services.GetRequiredService<IOptions<AuthSettings>>().Value.AnonymousRead);
        Assert.Equal(TimeSpan.FromSeconds(5), site.PollInterval);
        Assert.Equal(TimeSpan.FromHours(1), site.Walltime);
    }

    [Fact]
    public void Validation_names_each_bad_setting_by_hocon_path()
    {
        var file = Write("""
            condoractors.journal.provider = postgresql
            condoractors.condor { backend = remote, command-timeout = 5 sx }
            condoractors.sites.slurm-a { batch-system = slurmm }
            condoractors.sites.cob { batch-system = cobalt }
            condoractors.sites.b { batch-system = pbs, poll-interval = 1m, heartbeat-timeout = 30s, max-output = 1 }
            """);

        var errors = CondorActorsOptionsRegistration.BindAndValidate(Build(file));

        Assert.Contains("condoractors.sites.slurm-a.batch-system: 'slurmm' is not one of slurm, pbs, cobalt, sfapi, local", errors);
        Assert.Contains("condoractors.journal.connection-string: required when provider is postgresql", errors);
        Assert.Contains("condoractors.condor.backend: 'remote' is not one of auto, cli, simulated", errors);
        Assert.Contains(errors, e => e.StartsWith("condoractors.condor.command-timeout: '5 sx' is not a duration", StringComparison.Ordinal));
        Assert.Contains("condoractors.sites.cob.account: required for cobalt (the project passed as qsub -A)", errors);
        Assert.Contains(errors, e => e.StartsWith("condoractors.sites.b.heartbeat-timeout: ", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void Invalid_options_fail_at_start_up_with_the_messages()
    {
        var file = Write("condoractors.sites.x { batch-system = slurmm }\ncondoractors.condor.query-cache-ttl = soon");
        var services = new ServiceCollection().AddCondorActorsOptions(Build(file)).BuildServiceProvider();

        var e = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("condoractors.sites.x.batch-system: 'slurmm' is not one of", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("condoractors.condor.query-cache-ttl: 'soon' is not a duration", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_options_pass_start_up_validation()
    {
        var services = new ServiceCollection().AddCondorActorsOptions(Build(null)).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("./data", services.GetRequiredService<IOptions<CondorActorsSettings>>().Value.DataDir);
    }

    [Fact]
    public void Config_file_comes_from_argument_then_environment()
    {
        Assert.Equal("a.conf", CondorActorsConfiguration.FindConfigFile(["--config", "a.conf"], _ => "env.conf"));
        Assert.Equal("b.conf", CondorActorsConfiguration.FindConfigFile(["--config=b.conf"], _ => "env.conf"));
        Assert.Equal("env.conf", CondorActorsConfiguration.FindConfigFile([], n => n == "CONDORACTORS_CONFIG" ? "env.conf" : null));
        Assert.Null(CondorActorsConfiguration.FindConfigFile([], _ => null));
    }

    public static TheoryData<string> ShippedFiles() => new(ShippedFilePaths());

    private static string[] ShippedFilePaths()
    {
        var hocon = Path.Combine(RepositoryRoot(), "hocon");
        return [Path.Combine(hocon, "condoractors.conf"), .. Directory.GetFiles(Path.Combine(hocon, "sites"), "*.conf").Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Shipped_example_parses_and_validates(string file)
    {
        var config = Build(file);

        Assert.Empty(CondorActorsOptionsRegistration.BindAndValidate(config));
        Assert.NotEmpty(new SitesSettingsProbe(config).Sites);
    }

    [Fact]
    public void Shipped_site_examples_cover_every_batch_system()
    {
        var systems = ShippedFilePaths()
            .SelectMany(f => new SitesSettingsProbe(Build(f)).Sites.Values.Select(s => s.BatchSystem))
            .ToHashSet();

        Assert.Superset(SiteSettings.BatchSystems.ToHashSet(), systems);
    }

    private sealed class SitesSettingsProbe
    {
        public SitesSettingsProbe(IConfiguration config) =>
            HoconOptionsBinder.BindDictionary(config.GetSection(SitesSettings.Section), Sites, []);

        public Dictionary<string, SiteSettings> Sites { get; } = [];
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CondorActors.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
