namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A resolved object; keys keep the order of their first definition.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly List<KeyValuePair<string, HoconValue>> _fields = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Creates an empty object.</summary>
    public HoconObject(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Object;

    /// <inheritdoc/>
    public override string? ScalarText => null;

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<KeyValuePair<string, HoconValue>> Fields => _fields;

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public HoconValue? this[string key] => _index.TryGetValue(key, out var i) ? _fields[i].Value : null;

    /// <summary>Finds a field.</summary>
    public bool TryGetValue(string key, out HoconValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _fields[i].Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Follows a path of keys; null when any step is missing or not an object.</summary>
    public HoconValue? Find(params ReadOnlySpan<string> path)
    {
        HoconValue current = this;
        foreach (var key in path)
        {
            if (current is not HoconObject o || !o.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Sets a field; an existing key keeps its position.</summary>
    internal void Set(string key, HoconValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            _fields[i] = new(key, value);
        }
        else
        {
            _index[key] = _fields.Count;
            _fields.Add(new(key, value));
        }
    }

    /// <summary>HOCON merge of two resolved objects: <paramref name="newer"/> overrides, objects merge recursively.</summary>
    internal static HoconObject Merge(HoconObject older, HoconObject newer)
    {
        var result = new HoconObject(newer.Origin);
        foreach (var (key, value) in older._fields)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in newer._fields)
        {
            if (value is HoconObject newObject && result.TryGetValue(key, out var existing) && existing is HoconObject oldObject)
            {
                result.Set(key, Merge(oldObject, newObject));
            }
            else
            {
                result.Set(key, value);
            }
        }

        return result;
    }
}
