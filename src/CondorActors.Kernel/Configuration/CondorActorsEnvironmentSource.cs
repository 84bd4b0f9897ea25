using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration;

/// <summary>
/// Environment overrides: <c>CONDORACTORS__JOURNAL__PROVIDER</c> sets
/// <c>condoractors.journal.provider</c>. As in ASP.NET, <c>__</c> separates levels; in addition
/// each level is lower-cased and a single <c>_</c> becomes <c>-</c>, because shells cannot export
/// names with <c>-</c>: <c>CONDORACTORS__SITES__SLURM_A__MAX_GLIDEINS</c> sets
/// <c>condoractors.sites.slurm-a.max-glideins</c>.
/// </summary>
public sealed class CondorActorsEnvironmentSource : IConfigurationSource
{
    /// <summary>The variable prefix that marks settings.</summary>
    public const string Prefix = "CONDORACTORS__";

    /// <summary>Variables to read (default: the process environment at load time).</summary>
    public IReadOnlyDictionary<string, string?>? Variables { get; set; }

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new CondorActorsEnvironmentProvider(this);

    /// <summary>The configuration key for a variable, or null when it is not a setting.</summary>
    public static string? KeyFor(string variable)
    {
        if (!variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || variable.Length == Prefix.Length)
        {
            return null;
        }

        var segments = ("CONDORACTORS__" + variable[Prefix.Length..]).Split("__");
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0)
            {
                return null;
            }

            segments[i] = segments[i].ToLowerInvariant().Replace('_', '-');
        }

        return string.Join(ConfigurationPath.KeyDelimiter, segments);
    }
}

/// <summary>Reads <see cref="CondorActorsEnvironmentSource"/> variables and remembers which variable set each key.</summary>
public sealed class CondorActorsEnvironmentProvider : ConfigurationProvider
{
    private readonly CondorActorsEnvironmentSource _source;
    private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the provider.</summary>
    public CondorActorsEnvironmentProvider(CondorActorsEnvironmentSource source) => _source = source;

    /// <summary>The variable that set <paramref name="key"/>.</summary>
    public bool TryGetVariable(string key, out string variable) => _variables.TryGetValue(key, out variable!);

    /// <inheritdoc/>
    public override void Load()
    {
        var variables = _source.Variables ?? ReadProcessEnvironment();
        Data.Clear();
        _variables.Clear();
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (CondorActorsEnvironmentSource.KeyFor(name) is { } key)
            {
                Data[key] = value;
                _variables[key] = name;
            }
        }
    }

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
