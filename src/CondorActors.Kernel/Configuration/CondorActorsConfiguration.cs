using CondorActors.Kernel.Configuration.Hocon;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Hosting;

namespace CondorActors.Kernel.Configuration;

/// <summary>
/// How the service loads its configuration, lowest precedence first: the embedded
/// <c>reference.conf</c>, the file from <c>--config PATH</c> (or <c>CONDORACTORS_CONFIG</c>),
/// environment variables <c>CONDORACTORS__...</c>, then the command line.
/// </summary>
public static class CondorActorsConfiguration
{
    /// <summary>Environment variable naming the configuration file when <c>--config</c> is absent.</summary>
    public const string ConfigFileVariable = "CONDORACTORS_CONFIG";

    /// <summary>Logical name of the embedded reference configuration.</summary>
    public const string ReferenceResource = "reference.conf";

    /// <summary>The root object every setting lives under.</summary>
    public const string Root = "condoractors";

    /// <summary>The file named by <c>--config PATH</c> / <c>--config=PATH</c>, else by <c>CONDORACTORS_CONFIG</c>, else null.</summary>
    public static string? FindConfigFile(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return args[i]["--config=".Length..];
            }
        }

        return environment(ConfigFileVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }

    /// <summary>
    /// The HOCON source: embedded reference.conf, then the configuration file if any, else
    /// <paramref name="whenNoFile"/> (the server's embedded default configuration) if given.
    /// </summary>
    public static HoconConfigurationSource CreateHoconSource(string? configFile, Func<string, string?>? environment = null, HoconSource? whenNoFile = null)
    {
        var source = new HoconConfigurationSource { Environment = environment };
        source.Sources.Add(HoconSource.Resource(ReferenceResource));
        if (configFile is not null)
        {
            source.Sources.Add(HoconSource.File(configFile));
        }
        else if (whenNoFile is not null)
        {
            source.Sources.Add(whenNoFile);
        }

        return source;
    }

    /// <summary>Adds every layer in precedence order (used by <c>config show</c> and tests).</summary>
    public static IConfigurationBuilder AddCondorActorsLayers(this IConfigurationBuilder builder, string? configFile, IReadOnlyDictionary<string, string?> environment, string[] commandLine, HoconSource? whenNoFile = null)
    {
        builder.Add(CreateHoconSource(configFile, name => environment.TryGetValue(name, out var v) ? v : null, whenNoFile));
        builder.Add(new CondorActorsEnvironmentSource { Variables = environment });
        builder.AddCommandLine(commandLine);
        return builder;
    }

    /// <summary>
    /// For the web host: inserts the HOCON and <c>CONDORACTORS__</c> layers just before the
    /// host's unprefixed environment and command-line sources, so precedence stays
    /// reference &lt; file &lt; environment &lt; command line. <paramref name="whenNoFile"/> takes the
    /// file's place when neither <c>--config</c> nor <c>CONDORACTORS_CONFIG</c> names one.
    /// </summary>
    public static IHostApplicationBuilder AddCondorActorsConfiguration(this IHostApplicationBuilder builder, string[] args, HoconSource? whenNoFile = null)
    {
        var configFile = FindConfigFile(args, Environment.GetEnvironmentVariable);
        var sources = builder.Configuration.Sources;
        var index = sources.Count;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" } or CommandLineConfigurationSource)
            {
                index = i;
                break;
            }
        }

        sources.Insert(index, new CondorActorsEnvironmentSource());
        sources.Insert(index, CreateHoconSource(configFile, whenNoFile: whenNoFile));
        builder.Services.AddCondorActorsOptions(builder.Configuration);
        return builder;
    }
}
