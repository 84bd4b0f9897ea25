using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Hocon;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Server.Commands;

/// <summary>
/// <c>condoractors config show [--config PATH] [--json] [--key=value...]</c> prints the effective
/// configuration (secrets masked) with the origin of each value, then validates it;
/// <c>condoractors config parse FILE</c> resolves any HOCON file and prints it as JSON.
/// Exit codes: 0 ok, 1 invalid configuration or HOCON error, 2 usage.
/// </summary>
internal static class ConfigCommand
{
    private const string Usage = """
        usage: condoractors config show [--config PATH] [--json] [--condoractors:key=value ...]
               condoractors config parse FILE
        """;

    /// <summary>Runs a config sub-command; <paramref name="args"/> starts with the sub-command (show, parse).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, ReadEnvironment());

    /// <summary>Same, with an explicit environment (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment)
    {
        if (args.Length > 0 && args[0] == "config")
        {
            args = args[1..];
        }

        try
        {
            return args switch
            {
                ["show", .. var rest] => Show(rest, stdout, stderr, environment),
                ["parse", var file] => Parse(file, stdout, environment),
                _ => UsageError(stderr),
            };
        }
        catch (HoconException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Parse(string file, TextWriter stdout, IReadOnlyDictionary<string, string?> environment)
    {
        var loader = new HoconLoader(name => environment.TryGetValue(name, out var v) ? v : null);
        stdout.WriteLine(HoconJson.Render(loader.ParseFile(file)));
        return 0;
    }

    private static int Show(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment)
    {
        var json = false;
        var overrides = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--config" when i + 1 < args.Length:
                    i++;
                    break;
                case var a when a.StartsWith("--config=", StringComparison.Ordinal):
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal):
                    overrides.Add(a);
                    break;
                default:
                    return UsageError(stderr);
            }
        }

        var configFile = CondorActorsConfiguration.FindConfigFile(args, name => environment.TryGetValue(name, out var v) ? v : null);
        // Without a file, what the server would use: its embedded default configuration.
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(configFile, environment, [.. overrides], Hosting.DefaultConfiguration.Source()).Build();
        var entries = EffectiveConfiguration.Collect(configuration);
        stdout.Write(json ? EffectiveConfiguration.RenderJson(entries) : EffectiveConfiguration.RenderText(entries));

        var errors = CondorActorsOptionsRegistration.BindAndValidate(configuration);
        if (errors.Count == 0)
        {
            return 0;
        }

        stderr.WriteLine("invalid configuration:");
        foreach (var error in errors)
        {
            stderr.WriteLine("  " + error);
        }

        return 1;
    }

    private static int UsageError(TextWriter stderr)
    {
        stderr.WriteLine(Usage);
        return 2;
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
