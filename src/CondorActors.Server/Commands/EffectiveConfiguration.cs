using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CondorActors.Kernel.Configuration;
using CondorActors.Kernel.Configuration.Hocon;
using CondorActors.Kernel.Configuration.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace CondorActors.Server.Commands;

/// <summary>One effective setting: configuration key, displayed (masked) value, and where it came from.</summary>
internal sealed record ConfigurationEntry(string Key, string Value, string Origin);

/// <summary>Collects and renders the effective configuration for <c>config show</c>.</summary>
internal static class EffectiveConfiguration
{
    /// <summary>Every leaf setting, in HOCON order first, then keys only the environment or command line set.</summary>
    public static List<ConfigurationEntry> Collect(IConfigurationRoot configuration)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in configuration.Providers.OfType<HoconConfigurationProvider>().SelectMany(p => p.OrderedKeys))
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        foreach (var (key, _) in configuration.AsEnumerable().OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        var entries = new List<ConfigurationEntry>();
        foreach (var key in keys)
        {
            if (configuration[key] is not { } value || HasChildren(configuration, key))
            {
                continue;
            }

            entries.Add(new(key, SecretMasker.MaskValue(key, value) ?? "", OriginOf(configuration, key)));
        }

        return entries;
    }

    private static bool HasChildren(IConfiguration configuration, string key) => configuration.GetSection(key).GetChildren().Any();

    private static string OriginOf(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }

            return provider switch
            {
                HoconConfigurationProvider hocon when hocon.TryGetOrigin(key, out var origin) => origin.ToShortString(),
                CondorActorsEnvironmentProvider env when env.TryGetVariable(key, out var variable) => "env " + variable,
                CommandLineConfigurationProvider => "command line",
                _ => provider.ToString() ?? provider.GetType().Name,
            };
        }

        return "unknown";
    }

    /// <summary><c>condoractors.journal.provider = sqlite  # reference.conf:11</c> per line.</summary>
    public static string RenderText(List<ConfigurationEntry> entries)
    {
        var lines = entries.Select(e => (Setting: HoconOptionsBinder.HoconPathOf(e.Key) + " = " + Literal(e.Value), e.Origin)).ToList();
        var width = lines.Count == 0 ? 0 : lines.Max(l => l.Setting.Length);
        var sb = new StringBuilder();
        foreach (var (setting, origin) in lines)
        {
            sb.Append(setting.PadRight(width)).Append("  # ").Append(origin).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The settings as one JSON object; numbers and booleans unquoted, <c>:0</c>, <c>:1</c> keys as arrays.</summary>
    public static string RenderJson(List<ConfigurationEntry> entries)
    {
        var root = new SortedTree();
        foreach (var entry in entries)
        {
            root.Add(entry.Key.Split(ConfigurationPath.KeyDelimiter), entry.Value);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.Write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static string Literal(string value) =>
        value is "true" or "false" || HoconJson.IsJsonNumber(value) ? value : JsonSerializer.Serialize(value, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A tree of keys in insertion order.</summary>
    private sealed class SortedTree
    {
        private readonly List<(string Key, SortedTree? Child, string? Value)> _items = [];

        public void Add(string[] path, string value, int depth = 0)
        {
            var key = path[depth];
            var index = _items.FindIndex(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));
            if (depth == path.Length - 1)
            {
                if (index < 0)
                {
                    _items.Add((key, null, value));
                }

                return;
            }

            if (index < 0)
            {
                _items.Add((key, new SortedTree(), null));
                index = _items.Count - 1;
            }

            _items[index].Child?.Add(path, value, depth + 1);
        }

        public void Write(Utf8JsonWriter writer)
        {
            var isArray = _items.Count > 0 && _items.Select((item, i) => item.Key == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).All(x => x);
            if (isArray)
            {
                writer.WriteStartArray();
            }
            else
            {
                writer.WriteStartObject();
            }

            foreach (var (key, child, value) in _items)
            {
                if (!isArray)
                {
                    writer.WritePropertyName(key);
                }

                if (child is not null)
                {
                    child.Write(writer);
                }
                else if (value is "true" or "false")
                {
                    writer.WriteBooleanValue(value == "true");
                }
                else if (HoconJson.IsJsonNumber(value!))
                {
                    writer.WriteRawValue(value!);
                }
                else
                {
                    writer.WriteStringValue(value);
                }
            }

            if (isArray)
            {
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteEndObject();
            }
        }
    }
}
