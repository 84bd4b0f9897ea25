using System.Reflection;
using System.Text.RegularExpressions;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Hocon;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Tests.Configuration;

/// <summary>
/// reference.conf is the operator's list of settings: every key the code binds must be there with
/// its default, and nothing else. Keys are found by reflection over the settings classes, so a new
/// property without a reference.conf line (or a stale line) fails here.
/// </summary>
public sealed partial class ReferenceConfTests
{
    private const string SitesKey = "condoractors.sites";

    [Fact]
    public void Every_bound_key_is_in_the_embedded_reference()
    {
        var bound = BoundKeys();
        var reference = ReferenceKeys();

        var missing = bound.Keys.Where(key => !reference.Any(r => Covers(key, bound[key], r))).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "bound but not in reference.conf: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_embedded_reference_has_no_key_the_code_does_not_bind()
    {
        var bound = BoundKeys();

        var unknown = ReferenceKeys().Where(r => !bound.Any(b => Covers(b.Key, b.Value, r))).ToList();

        Assert.True(unknown.Count == 0, "in reference.conf but bound by no settings class: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Reference_defaults_equal_the_property_defaults()
    {
        // Binding reference.conf onto fresh settings must change nothing: the documented default
        // and the code's default are the same value.
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(null, new Dictionary<string, string?>(), []).Build();
        var errors = new List<string>();

        var fromReference = CondorActorsOptionsRegistration.Bind(configuration, errors);
        var fromCode = new CondorActorsSettingsSet();

        Assert.Empty(errors);
        Assert.Equal(Describe(fromCode), Describe(fromReference));
    }

    [Fact]
    public void Documented_site_keys_are_exactly_the_site_settings()
    {
        var site = KeysOf(typeof(SiteSettings), "");
        var documented = DocumentedSiteKeys();

        Assert.Equal(site.Keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> SiteExamples() =>
        new(Directory.GetFiles(Path.Combine(HoconConfigurationProviderTests.RepositoryRoot(), "hocon", "sites"), "*.conf").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SiteExamples))]
    public void Site_example_uses_only_site_settings_keys(string file)
    {
        var site = KeysOf(typeof(SiteSettings), "");
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(file, new Dictionary<string, string?>(), []).Build();
        var keys = configuration.Providers.OfType<HoconConfigurationProvider>().Single().OrderedKeys
            .Select(Dotted)
            .Where(k => k.StartsWith(SitesKey + ".", StringComparison.Ordinal))
            .Select(k => k[(SitesKey.Length + 1)..])
            .Select(k => k[(k.IndexOf('.', StringComparison.Ordinal) + 1)..])
            .ToList();

        Assert.NotEmpty(keys);
        var unknown = keys.Where(k => !site.Any(s => Covers(s.Key, s.Value, k))).ToList();
        Assert.True(unknown.Count == 0, $"{Path.GetFileName(file)} uses keys SiteSettings does not bind: {string.Join(", ", unknown)}");
    }

    /// <summary>Every bound key (dotted HOCON path) and whether it is a list or map (its children are free-form).</summary>
    private static Dictionary<string, bool> BoundKeys()
    {
        var keys = new Dictionary<string, bool>(StringComparer.Ordinal) { [SitesKey] = true };
        var settings = typeof(CondorActorsSettings).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CondorActorsSettings).Namespace && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .ToList();
        Assert.Contains(typeof(ApiSettings), settings);
        Assert.Contains(typeof(CondorSettings), settings);
        foreach (var type in settings.Where(t => t != typeof(SitesSettings)))
        {
            var section = Dotted((string)type.GetField("Section")!.GetRawConstantValue()!);
            foreach (var (key, container) in KeysOf(type, section))
            {
                keys[key] = container;
            }
        }

        return keys;
    }

    private static Dictionary<string, bool> KeysOf(Type type, string prefix)
    {
        var keys = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not { } name)
            {
                continue;
            }

            var key = prefix.Length == 0 ? name.Name : prefix + "." + name.Name;
            var t = property.PropertyType;
            var container = t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(List<>) || t.GetGenericTypeDefinition() == typeof(Dictionary<,>));
            if (t.IsClass && t != typeof(string) && !container)
            {
                foreach (var nested in KeysOf(t, key))
                {
                    keys[nested.Key] = nested.Value;
                }
            }
            else
            {
                keys[key] = container;
            }
        }

        return keys;
    }

    /// <summary>The leaf keys of the embedded reference.conf (an empty array or object is one leaf).</summary>
    private static List<string> ReferenceKeys()
    {
        var configuration = new ConfigurationBuilder().AddCondorActorsLayers(null, new Dictionary<string, string?>(), []).Build();
        return configuration.Providers.OfType<HoconConfigurationProvider>().Single().OrderedKeys.Select(Dotted).ToList();
    }

    /// <summary>
    /// The per-site keys documented in reference.conf's comment block (lines starting <c>#   </c>),
    /// read by un-commenting them and parsing the result as HOCON.
    /// </summary>
    private static List<string> DocumentedSiteKeys()
    {
        using var stream = typeof(CondorActorsConfiguration).Assembly.GetManifestResourceStream(CondorActorsConfiguration.ReferenceResource)!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Where(l => DocumentedLine().IsMatch(l)).Select(l => l[(l.IndexOf('#', StringComparison.Ordinal) + 1)..]);
        var block = "site {\n" + string.Join("\n", lines) + "\n}\n";
        var source = new HoconConfigurationSource { Environment = _ => null };
        source.Sources.Add(HoconSource.String(block, "reference.conf site comments"));
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var keys = configuration.Providers.OfType<HoconConfigurationProvider>().Single().OrderedKeys.Select(Dotted).Select(k => k["site.".Length..]).ToList();
        Assert.Contains("batch-system", keys);
        return keys;
    }

    /// <summary>True when <paramref name="actual"/> is <paramref name="bound"/>, or an element/entry of a bound list or map.</summary>
    private static bool Covers(string bound, bool container, string actual) =>
        string.Equals(bound, actual, StringComparison.OrdinalIgnoreCase)
        || (container && actual.StartsWith(bound + ".", StringComparison.OrdinalIgnoreCase));

    private static string Dotted(string configurationKey) => configurationKey.Replace(':', '.').ToLowerInvariant();

    private static string Describe(CondorActorsSettingsSet set) =>
        System.Text.Json.JsonSerializer.Serialize(set, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex(@"^\s*#   ")]
    private static partial Regex DocumentedLine();
}
