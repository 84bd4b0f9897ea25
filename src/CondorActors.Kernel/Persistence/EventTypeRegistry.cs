using System.Collections.Concurrent;
using System.Text.Json;

namespace CondorActors.Kernel.Persistence;

/// <summary>
/// Stable names ("manifests") for persisted event and snapshot types, e.g. <c>glidein-died.v1</c>.
/// The manifest is stored beside the JSON payload and is the only way back to a type: type names
/// are never read from stored data, so renaming a class cannot break recovery and stored data
/// cannot instantiate arbitrary types.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<string, Type> _byManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();
    private readonly Lock _gate = new();

    public EventTypeRegistry(JsonSerializerOptions? jsonOptions = null)
    {
        JsonOptions = jsonOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>; both must be unused.</summary>
    public EventTypeRegistry Register<T>(string manifest) => Register(typeof(T), manifest);

    public EventTypeRegistry Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        lock (_gate)
        {
            if (_byManifest.TryGetValue(manifest, out var existing))
            {
                if (existing == type)
                {
                    return this;
                }

                throw new InvalidOperationException($"Manifest '{manifest}' is already registered for {existing.FullName}; cannot register it for {type.FullName}.");
            }

            if (_byType.TryGetValue(type, out var other))
            {
                throw new InvalidOperationException($"{type.FullName} is already registered as '{other}'; cannot register it as '{manifest}'.");
            }

            _byManifest[manifest] = type;
            _byType[type] = manifest;
        }

        return this;
    }

    public bool IsRegistered(string manifest) => _byManifest.ContainsKey(manifest);

    /// <summary>The manifest of the value's type; throws if the type was not registered.</summary>
    public string ManifestOf(Type type) =>
        _byType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new InvalidOperationException($"{type.FullName} has no registered manifest; register it with EventTypeRegistry.Register<{type.Name}>(\"name.v1\").");

    public (string Manifest, string Payload) Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        return (ManifestOf(type), JsonSerializer.Serialize(value, type, JsonOptions));
    }

    /// <summary>Deserializes a payload; an unknown manifest throws <see cref="UnknownEventManifestException"/>.</summary>
    public object Deserialize(string manifest, string payload)
    {
        if (!_byManifest.TryGetValue(manifest, out var type))
        {
            throw new UnknownEventManifestException(manifest);
        }

        return JsonSerializer.Deserialize(payload, type, JsonOptions)
            ?? throw new JsonException($"Payload of manifest '{manifest}' deserialized to null.");
    }
}
