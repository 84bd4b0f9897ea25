namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A resolved object; keys keep the order of their first definition.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly List<KeyValuePair<string, HoconValue>> _fields = [];
    private const int IndexThreshold = 32;
    private Dictionary<string, int>? _index;

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
    public HoconValue? this[string key] => TryGetValue(key, out var value) ? value : null;

    /// <summary>Finds a field.</summary>
    public bool TryGetValue(string key, out HoconValue value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = _fields[i].Value;
            return true;
        }

        value = null!;
        return false;
    }

    // Most configuration objects are small: a linear scan beats hashing until they grow.
    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
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
        var i = IndexOf(key);
        if (i >= 0)
        {
            _fields[i] = new(key, value);
            return;
        }

        _index?.Add(key, _fields.Count);
        _fields.Add(new(key, value));
        if (_index is null && _fields.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_fields.Count * 2, StringComparer.Ordinal);
            for (var j = 0; j < _fields.Count; j++)
            {
                _index[_fields[j].Key] = j;
            }
        }
    }

    /// <summary>HOCON merge of two resolved objects: <paramref name="newer"/> overrides, objects merge recursively.</summary>
    internal static HoconObject Merge(HoconObject older, HoconObject newer)
    {
        var result = new HoconObject(newer.Origin);
        result._fields.Capacity = older.Count + newer.Count;
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
