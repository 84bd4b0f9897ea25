using CondorActors.Kernel.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration;

/// <summary>
/// Flattens resolved HOCON into configuration keys: <c>condoractors.journal.provider</c> becomes
/// <c>condoractors:journal:provider</c>, array elements <c>:0</c>, <c>:1</c>. Keys keep their
/// kebab-case spelling; options map them with <c>[ConfigurationKeyName]</c>. Remembers the
/// origin (file:line) of every key for <c>config show</c>.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;
    private Dictionary<string, HoconOrigin> _origins = new(StringComparer.OrdinalIgnoreCase);
    private List<string> _orderedKeys = [];

    /// <summary>Creates the provider.</summary>
    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    /// <summary>Leaf keys in the order the HOCON defines them.</summary>
    public IReadOnlyList<string> OrderedKeys => _orderedKeys;

    /// <summary>The resolved tree of the last load.</summary>
    public HoconObject? Root { get; private set; }

    /// <summary>Where the value of <paramref name="key"/> was defined.</summary>
    public bool TryGetOrigin(string key, out HoconOrigin origin) => _origins.TryGetValue(key, out origin);

    /// <inheritdoc/>
    public override void Load()
    {
        var root = new HoconLoader(_source.Environment).Load(_source.Sources);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, HoconOrigin>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<string>();
        foreach (var (key, value) in root.Fields)
        {
            Flatten(key, value, data, origins, ordered);
        }

        Root = root;
        Data = data;
        _origins = origins;
        _orderedKeys = ordered;
    }

    private static void Flatten(string key, HoconValue value, Dictionary<string, string?> data, Dictionary<string, HoconOrigin> origins, List<string> ordered)
    {
        switch (value)
        {
            case HoconObject o when o.Count > 0:
                foreach (var (child, childValue) in o.Fields)
                {
                    Flatten(key + ConfigurationPath.KeyDelimiter + child, childValue, data, origins, ordered);
                }

                return;
            case HoconArray a when a.Items.Count > 0:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    Flatten(key + ConfigurationPath.KeyDelimiter + i.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Items[i], data, origins, ordered);
                }

                return;
            default:
                // Like the JSON provider: empty objects/arrays and null become a key with a null
                // value, which binding ignores (the option keeps its default).
                if (!data.ContainsKey(key))
                {
                    ordered.Add(key);
                }

                data[key] = value is HoconObject or HoconArray or HoconNull ? null : value.ScalarText;
                origins[key] = value.Origin;
                return;
        }
    }
}
