using System.Text.Json;
using CondorActors.Server.Commands;

namespace CondorActors.Server.Tests.Commands;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("config-command-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private int Run(Dictionary<string, string?>? env, params string[] args) => ConfigCommand.Run(args, _out, _err, env ?? []);

    private string LineFor(string setting) => _out.ToString().Split('\n').Single(l => l.StartsWith(setting + " ", StringComparison.Ordinal));

    [Fact]
    public void Show_prints_reference_defaults_with_their_origin()
    {
        var code = Run(null, "show");

        Assert.Equal(0, code);
        Assert.Matches(@"^condoractors\.journal\.provider = ""sqlite"" +# reference\.conf:\d+$", LineFor("condoractors.journal.provider"));
        Assert.Matches(@"^condoractors\.condor\.max-concurrent-commands = 4 +# reference\.conf:\d+$", LineFor("condoractors.condor.max-concurrent-commands"));
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public void Show_reports_file_environment_and_command_line_origins()
    {
        var file = Write("app.conf", "condoractors {\n  data-dir = /srv/ca\n  condor.backend = cli\n}\n");
        var env = new Dictionary<string, string?> { ["CONDORACTORS__CONDOR__BACKEND"] = "simulated", ["CONDORACTORS__AUTH__ANONYMOUS_READ"] = "true" };

        var code = Run(env, "show", "--config", file, "--condoractors:condor:query-cache-ttl=2s");

        Assert.Equal(0, code);
        Assert.EndsWith($"# {file}:2", LineFor("condoractors.data-dir"), StringComparison.Ordinal);
        Assert.EndsWith("# env CONDORACTORS__CONDOR__BACKEND", LineFor("condoractors.condor.backend"), StringComparison.Ordinal);
        Assert.Contains("= \"simulated\"", LineFor("condoractors.condor.backend"), StringComparison.Ordinal);
        Assert.EndsWith("# env CONDORACTORS__AUTH__ANONYMOUS_READ", LineFor("condoractors.auth.anonymous-read"), StringComparison.Ordinal);
        Assert.EndsWith("# command line", LineFor("condoractors.condor.query-cache-ttl"), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_uses_CONDORACTORS_CONFIG_when_no_argument()
    {
        var file = Write("env.conf", "condoractors.data-dir = /from/env/file");

        Run(new() { ["CONDORACTORS_CONFIG"] = file }, "show");

        Assert.Contains("\"/from/env/file\"", LineFor("condoractors.data-dir"), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_masks_secrets_in_text_and_json()
    {
        var file = Write("s.conf", """
            condoractors.journal { provider = postgresql, connection-string = "Host=db;Username=ca;Password=hunter2;Database=x" }
            condoractors.extra { api-token = abc123, db-password = pw, private-key = k, token-url = "https://t" }
            """);

        Assert.Equal(0, Run(null, "show", "--config", file));
        var text = _out.ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
        Assert.Contains("\"Host=db;Username=ca;Password=***;Database=x\"", LineFor("condoractors.journal.connection-string"), StringComparison.Ordinal);
        Assert.Contains("= \"***\"", LineFor("condoractors.extra.db-password"), StringComparison.Ordinal);
        Assert.Contains("= \"***\"", LineFor("condoractors.extra.private-key"), StringComparison.Ordinal);
        Assert.Contains("\"https://t\"", LineFor("condoractors.extra.token-url"), StringComparison.Ordinal);

        _out.GetStringBuilder().Clear();
        Assert.Equal(0, Run(null, "show", "--config", file, "--json"));
        using var json = JsonDocument.Parse(_out.ToString());
        var ca = json.RootElement.GetProperty("condoractors");
        Assert.Equal("***", ca.GetProperty("extra").GetProperty("api-token").GetString());
        Assert.DoesNotContain("hunter2", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_json_is_plain_json_with_types_and_arrays()
    {
        var file = Write("j.conf", "condoractors.extra.list = [a, b]");

        Assert.Equal(0, Run(null, "show", "--config", file, "--json"));

        using var json = JsonDocument.Parse(_out.ToString());
        var ca = json.RootElement.GetProperty("condoractors");
        Assert.Equal(JsonValueKind.Number, ca.GetProperty("condor").GetProperty("max-concurrent-commands").ValueKind);
        Assert.Equal(JsonValueKind.False, ca.GetProperty("auth").GetProperty("anonymous-read").ValueKind);
        Assert.Equal("b", ca.GetProperty("extra").GetProperty("list")[1].GetString());
    }

    [Fact]
    public void Show_exits_1_and_lists_every_invalid_setting()
    {
        var file = Write("bad.conf", "condoractors.sites.slurm-a.batch-system = slurmm\ncondoractors.condor.command-timeout = forever");

        var code = Run(null, "show", "--config", file);

        Assert.Equal(1, code);
        Assert.Contains("condoractors.sites.slurm-a.batch-system: 'slurmm' is not one of slurm, pbs, cobalt, sfapi, local", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("condoractors.condor.command-timeout: 'forever' is not a duration", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_reports_hocon_errors_with_location()
    {
        var file = Write("syntax.conf", "condoractors {\n  data-dir = \"oops\n}");

        Assert.Equal(1, Run(null, "show", "--config", file));
        Assert.StartsWith($"{file}:2:19: newline in a quoted string: expected a closing '\"'", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_prints_resolved_json_with_includes_and_environment()
    {
        Write("inc.conf", "port = 9680");
        var file = Write("main.conf", "svc { include \"inc.conf\" }\nhome = ${HOME}\nurl = \"http://h:\"${svc.port}");

        var code = Run(new() { ["HOME"] = "/home/x" }, "parse", file);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal(9680, json.RootElement.GetProperty("svc").GetProperty("port").GetInt32());
        Assert.Equal("/home/x", json.RootElement.GetProperty("home").GetString());
        Assert.Equal("http://h:9680", json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public void Parse_error_prints_file_line_column_and_exits_1()
    {
        var file = Write("bad.conf", "a = 1\nb = ${missing}");

        var code = Run(null, "parse", file);

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}:2:5: cannot resolve ${{missing}}", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _out.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("bogus")]
    [InlineData("parse")]
    [InlineData("show", "--unknown")]
    public void Bad_usage_exits_2(params string[] args)
    {
        Assert.Equal(2, Run(null, args));
        Assert.Contains("usage: condoractors config", _err.ToString(), StringComparison.Ordinal);
    }
}
