using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class SettingsBindingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("settings-binding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (CondorActorsSettingsSet Settings, List<string> Errors) Bind(string hocon, params string[] commandLine)
    {
        var file = Path.Combine(_dir, "app.conf");
        File.WriteAllText(file, hocon);
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(file, new Dictionary<string, string?>(), commandLine).Build();
        var errors = new List<string>();
        return (CondorActorsOptionsRegistration.Bind(configuration, errors), errors);
    }

    [Fact]
    public void Lists_bind_from_arrays_and_from_one_comma_separated_value()
    {
        var (settings, errors) = Bind(
            "condoractors.api.cors.allowed-origins = [\"https://a.example\", \"https://b.example\"]",
            "--condoractors:api:redact-job-attributes=Cmd, Owner");

        Assert.Empty(errors);
        Assert.Equal(["https://a.example", "https://b.example"], settings.Api.Cors.AllowedOrigins);
        Assert.Equal(["Cmd", "Owner"], settings.Api.RedactJobAttributes);
    }

    [Fact]
    public void Condor_query_and_simulated_settings_bind_with_hocon_units()
    {
        var (settings, errors) = Bind("""
            condoractors.condor {
              query-timeout = 2m, coalesce-queries = off, query-cache-max-ads = 5, query-cache-max-entries = 7
              schedd = "s@h", pool = "cm:9618", config-file = /etc/condor/condor_config, max-output-size = 1 GiB
              simulated { seed-jobs = 12, slots = 2 }
            }
            """);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Condor.QueryTimeout);
        Assert.False(settings.Condor.CoalesceQueries);
        Assert.Equal(5, settings.Condor.QueryCacheMaxAds);
        Assert.Equal(7, settings.Condor.QueryCacheMaxEntries);
        Assert.Equal("/etc/condor/condor_config", settings.Condor.ConfigFile);
        Assert.Equal(1L << 30, settings.Condor.MaxOutputSize);
        Assert.Equal((12, 2), (settings.Condor.Simulated.SeedJobs, settings.Condor.Simulated.Slots));
    }

    [Fact]
    public void Site_environment_binds_as_a_map_keeping_variable_names()
    {
        var (settings, errors) = Bind("""
            condoractors.sites.s1 { batch-system = slurm, environment { SLURM_CONF = /etc/slurm/slurm.conf }, allowed-extra-directives = [--gres] }
            """);

        Assert.Empty(errors);
        var site = settings.Sites.Sites["s1"];
        Assert.Equal("/etc/slurm/slurm.conf", site.Environment["SLURM_CONF"]);
        Assert.Equal(["--gres"], site.AllowedExtraDirectives);
    }

    [Fact]
    public void Bad_api_and_condor_values_are_named_by_path()
    {
        var (_, errors) = Bind("condoractors.api { max-page-size = 0, max-results = -1 }\ncondoractors.condor { query-timeout = 0s, query-cache-max-entries = 0 }");

        Assert.Equal(
            [
                "condoractors.api.max-page-size: 0 must be at least 1",
                "condoractors.api.max-results: -1 must not be negative",
                "condoractors.condor.query-cache-max-entries: 0 must be at least 1",
                "condoractors.condor.query-timeout: 00:00:00 must be positive",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("batch-system = pbs, partition = x", "condoractors.sites.s1.partition: only used by slurm and sfapi")]
    [InlineData("batch-system = slurm, queue = x", "condoractors.sites.s1.queue: only used by pbs and cobalt")]
    [InlineData("batch-system = local, account = x", "condoractors.sites.s1.account: only used by batch systems")]
    [InlineData("batch-system = slurm, tag = \"a-b\"", "condoractors.sites.s1.tag: 'a-b' must start with a letter")]
    [InlineData("batch-system = sfapi, account = m1, sfapi { machine = pm, private-key-file = /k }", "condoractors.sites.s1.sfapi.client-id: required for sfapi")]
    [InlineData("batch-system = sfapi, account = m1, sfapi { machine = pm, client-id = c, private-key-file = /k, api-url = nope }", "condoractors.sites.s1.sfapi.api-url: 'nope' is not an http(s) URL")]
    public void Bad_site_combinations_are_named_by_path(string site, string expected)
    {
        var (_, errors) = Bind($"condoractors.sites.s1 {{ {site} }}");

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_name_that_is_no_valid_tag_asks_for_a_tag()
    {
        var (_, errors) = Bind("condoractors.sites.9lives { batch-system = local }");

        Assert.Contains(errors, e => e.StartsWith("condoractors.sites.9lives.tag: the site name gives tag '9lives'", StringComparison.Ordinal));
        Assert.Equal("lives9", new SiteSettings { Tag = "lives9" }.EffectiveTag("9lives"));
        Assert.Equal("slurm_a", new SiteSettings().EffectiveTag("slurm-a"));
    }
}
