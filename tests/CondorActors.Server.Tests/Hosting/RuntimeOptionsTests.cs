using CondorActors.Domain.Condor;
using CondorActors.Domain.Condor.Queries;
using CondorActors.Domain.Condor.Simulated;
using CondorActors.Server.Api;
using CondorActors.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CondorActors.Server.Tests.Hosting;

/// <summary>The server binds its settings with the HOCON binder and refuses bad ones at start, by HOCON path.</summary>
public sealed class RuntimeOptionsTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("runtime-options-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private string[] Args(params string[] settings) =>
        ["--urls", "http://127.0.0.1:0", $"--condoractors:data-dir={_dataDir}", "--Logging:LogLevel:Default=Warning", .. settings];

    [Theory]
    [InlineData("--condoractors:api:max-page-size=0", "condoractors.api.max-page-size: 0 must be at least 1")]
    [InlineData("--condoractors:condor:query-timeout=soon", "condoractors.condor.query-timeout: 'soon' is not a duration")]
    [InlineData("--condoractors:condor:max-output-size=12 parsecs", "condoractors.condor.max-output-size: '12 parsecs' is not a size")]
    public async Task A_bad_setting_stops_the_server_naming_its_hocon_path(string setting, string expected)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerHost.Build(Args("--condoractors:condor:backend=simulated", setting));
            await app.StartAsync();
        });

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_defaults_reach_the_runtime_options()
    {
        await using var app = ServerHost.Build(Args("--condoractors:condor:backend=cli"));

        var gateway = app.Services.GetRequiredService<CondorOptions>();
        var queries = app.Services.GetRequiredService<QueryOptions>();
        var api = app.Services.GetRequiredService<ApiOptions>();

        Assert.Equal(4L * 1024 * 1024 * 1024, gateway.MaxOutputBytes);
        Assert.Equal(TimeSpan.FromSeconds(30), gateway.CommandTimeout);
        Assert.Null(gateway.Binaries);
        Assert.Null(gateway.CondorConfig);
        Assert.Equal(new QueryOptions(), queries);
        Assert.Equal(1000, api.MaxPageSize);
        Assert.Null(api.CursorKey);
        Assert.Empty(api.CorsAllowedOrigins);
    }

    [Fact]
    public async Task Configured_settings_reach_the_runtime_options()
    {
        await using var app = ServerHost.Build(Args(
            "--condoractors:condor:backend=cli",
            "--condoractors:condor:binaries=/opt/condor/bin",
            "--condoractors:condor:config-file=/etc/condor/condor_config",
            "--condoractors:condor:max-output-size=64 MiB",
            "--condoractors:condor:schedd=schedd@host",
            "--condoractors:condor:coalesce-queries=off",
            "--condoractors:condor:query-cache-max-ads=10",
            "--condoractors:api:cursor-key=s3cret",
            "--condoractors:api:max-results=50"));

        var gateway = app.Services.GetRequiredService<CondorOptions>();
        var queries = app.Services.GetRequiredService<QueryOptions>();
        var api = app.Services.GetRequiredService<ApiOptions>();

        Assert.Equal("/opt/condor/bin/condor_q", gateway.ProgramPath("condor_q"));
        Assert.Equal("/etc/condor/condor_config", gateway.CondorConfig);
        Assert.Equal(64L * 1024 * 1024, gateway.MaxOutputBytes);
        Assert.Equal("schedd@host", gateway.Schedd);
        Assert.False(queries.Coalesce);
        Assert.Equal(10, queries.MaxSharedAds);
        Assert.Equal("s3cret", api.CursorKey);
        Assert.Equal(50, api.MaxResults);
    }

    [Fact]
    public async Task Simulated_pool_takes_its_shape_from_the_settings()
    {
        await using var app = ServerHost.Build(Args("--condoractors:condor:backend=simulated", "--condoractors:condor:simulated:slots=2", "--condoractors:condor:simulated:seed-jobs=3"));

        var pool = app.Services.GetRequiredService<SimulatedCondorPool>();
        var slots = await pool.QueryStatusAsync(new StatusQuery()).ToListAsync();
        var jobs = await pool.QueryJobsAsync(new JobQuery()).ToListAsync();

        Assert.Equal(2, slots.Count);
        Assert.Equal(3, jobs.Count);
    }
}
