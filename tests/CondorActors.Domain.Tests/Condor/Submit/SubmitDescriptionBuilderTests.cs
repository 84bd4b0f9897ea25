using System.Text;
using CondorActors.Domain.Condor.Submit;

namespace CondorActors.Domain.Tests.Condor.Submit;

public sealed class SubmitDescriptionBuilderTests
{
    private static readonly SubmitOptions Options = new() { WorkingRoot = "/srv/work" };

    private static SubmitDescription Build(string json, SubmitOptions? options = null, string principal = "alice") =>
        SubmitDescriptionBuilder.Build(Encoding.UTF8.GetBytes(json), new SubmitContext(principal, "req-1", options ?? Options), options ?? Options);

    private static SubmitRequestException Refused(string json, SubmitOptions? options = null) =>
        Assert.Throws<SubmitRequestException>(() => Build(json, options));

    [Fact]
    public void Renders_every_documented_key_in_submit_language()
    {
        var description = Build("""
            {
              "executable": "bin/run.sh", "arguments": ["a b", "it's", "say \"hi\""],
              "output": "out.$(Cluster).$(Process)", "error": "err.$(ClusterId)", "log": "logs/job.log",
              "request_cpus": "2", "request_memory": "4G", "request_disk": "1GB", "count": "100",
              "environment": {"A": 1, "B": "x y", "C": "it's"},
              "transfer_input_files": ["data/in.txt", "/srv/work/alice/shared.db"],
              "should_transfer_files": "yes", "when_to_transfer_output": "on_exit",
              "requirements": "OpSys == \"LINUX\"  &&   Memory>1024", "rank": "Memory",
              "batch_name": "nightly", "max_retries": 3,
              "attributes": {"Project": "atlas", "Priority": 5, "Weight": 0.5, "Tags": ["a", "b"], "Flag": true}
            }
            """);

        Assert.Equal(100, description.Count);
        Assert.Equal(
            """
            universe = vanilla
            executable = /srv/work/alice/bin/run.sh
            arguments = "'a b' 'it''s' 'say ""hi""'"
            initialdir = /srv/work/alice
            output = /srv/work/alice/out.$(Cluster).$(Process)
            error = /srv/work/alice/err.$(ClusterId)
            log = /srv/work/alice/logs/job.log
            transfer_input_files = /srv/work/alice/data/in.txt,/srv/work/alice/shared.db
            request_cpus = 2
            request_memory = 4096
            request_disk = 1048576
            environment = "A=1 B='x y' C='it''s'"
            should_transfer_files = YES
            when_to_transfer_output = ON_EXIT
            requirements = OpSys == "LINUX" && Memory > 1024
            rank = Memory
            batch_name = nightly
            max_retries = 3
            +Project = "atlas"
            +Priority = 5
            +Weight = 0.5
            +Tags = { "a", "b" }
            +Flag = true
            +CondorActorsRequestId = "req-1"
            +CondorActorsSubmitter = "alice"

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            description.Text);
    }

    [Fact]
    public void Absolute_executable_outside_the_roots_runs_from_the_execute_node()
    {
        var description = Build("""{"executable": "/bin/hostname", "count": 12000}""");

        Assert.Contains("executable = /bin/hostname\ntransfer_executable = false\n", description.Text, StringComparison.Ordinal);
        Assert.Equal(12000, description.Count);
        Assert.DoesNotContain("queue", description.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("512", 512)]
    [InlineData("512M", 512)]
    [InlineData("512 MB", 512)]
    [InlineData("2g", 2048)]
    [InlineData("1T", 1048576)]
    [InlineData("1024K", 1)]
    [InlineData("1.5G", 1536)]
    [InlineData("100KB", 1)]
    public void Memory_units_follow_condor_submit(string text, long mebibytes)
    {
        var description = Build($$"""{"executable": "/bin/true", "request_memory": "{{text}}"}""");

        Assert.Contains($"request_memory = {mebibytes}\n", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Disk_bare_numbers_are_kibibytes()
    {
        Assert.Contains("request_disk = 2048\n", Build("""{"executable": "/bin/true", "request_disk": 2048}""").Text, StringComparison.Ordinal);
        Assert.Contains("request_disk = 2048\n", Build("""{"executable": "/bin/true", "request_disk": "2M"}""").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Principal_names_that_are_not_plain_file_names_get_a_hashed_directory()
    {
        var description = Build("""{"executable": "/bin/true"}""", principal: "../../etc");

        Assert.StartsWith("/srv/work/p-", description.WorkingDirectory, StringComparison.Ordinal);
        Assert.Contains("+CondorActorsSubmitter = \"../../etc\"", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_commands_are_refused_unless_an_admin_allows_them()
    {
        var json = """{"executable": "/bin/true", "accounting_group": "group_physics"}""";
        Assert.Equal("accounting_group", Refused(json).Field);

        var description = Build(json, Options with { AllowedExtraCommands = ["accounting_group"] });
        Assert.Contains("accounting_group = group_physics\n", description.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue")]
    [InlineData("include")]
    [InlineData("iwd")]
    [InlineData("transfer_output_remaps")]
    [InlineData("executable")]
    [InlineData("bad name")]
    public void Structural_commands_cannot_be_allowed(string command)
    {
        Assert.Throws<ArgumentException>(() => (Options with { AllowedExtraCommands = [command] }).Validate());
    }

    [Fact]
    public void Allowed_roots_widen_the_confinement()
    {
        var json = """{"executable": "/bin/true", "transfer_input_files": ["/data/shared/in.txt"]}""";
        Assert.Equal("transfer_input_files[0]", Refused(json).Field);

        var description = Build(json, Options with { AllowedRoots = ["/data/shared"] });
        Assert.Contains("transfer_input_files = /data/shared/in.txt\n", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docker_universe_needs_no_executable()
    {
        var description = Build("""{"universe": "docker", "docker_image": "debian:12", "arguments": "echo hi"}""");

        Assert.Contains("universe = docker\n", description.Text, StringComparison.Ordinal);
        Assert.Contains("docker_image = debian:12\n", description.Text, StringComparison.Ordinal);
        Assert.Contains("arguments = \"echo hi\"\n", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_refuses_a_queue_line()
    {
        Assert.Throws<InvalidOperationException>(() => SubmitDescriptionGuard.CheckDescription("executable = /bin/true\nqueue 10\n"));
        SubmitDescriptionGuard.CheckDescription("executable = /bin/true\n+A = 1\n");
    }
}
