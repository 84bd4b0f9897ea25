namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>A resolved object; keys keep the order of their first definition.</summary>
public sealed class HoconObject : HoconValue
{
    private const int IndexThreshold = 32;
    // An array and a count rather than a List: one object less per HoconObject, and a large
    // tree is alive until it is resolved, so every object costs GC time.
    private KeyValuePair<string, HoconValue>[] _fields;
    private int _count;
    private Dictionary<string, int>? _index;

    /// <summary>Creates an empty object.</summary>
    public HoconObject(HoconOrigin origin)
        : this(origin, 0)
    {
    }

    /// <summary>Creates an empty object with room for <paramref name="capacity"/> fields.</summary>
    internal HoconObject(HoconOrigin origin, int capacity)
        : base(origin) => _fields = capacity == 0 ? [] : new KeyValuePair<string, HoconValue>[capacity];

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Object;

    /// <inheritdoc/>
    public override string? ScalarText => null;

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<KeyValuePair<string, HoconValue>> Fields => new ArraySegment<KeyValuePair<string, HoconValue>>(_fields, 0, _count);

    /// <summary>Number of fields.</summary>
    public int Count => _count;

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

    internal HoconValue ValueAt(int index) => _fields[index].Value;

    internal void ReplaceAt(int index, HoconValue value) => _fields[index] = new(_fields[index].Key, value);

    // Most configuration objects are small: a linear scan beats hashing until they grow.
    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _count; i++)
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

        Append(key, value);
    }

    /// <summary>Builds the key index now for an empty object created for many fields (not grown by doubling later).</summary>
    internal void ReserveIndex()
    {
        if (_count == 0 && _index is null && _fields.Length > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_fields.Length, StringComparer.Ordinal);
        }
    }

    /// <summary>Adds a field whose key the caller knows is not present yet.</summary>
    internal void Append(string key, HoconValue value)
    {
        _index?.Add(key, _count);
        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, Math.Max(4, _count * 2));
        }

        _fields[_count++] = new(key, value);
        if (_index is null && _count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var j = 0; j < _count; j++)
            {
                _index[_fields[j].Key] = j;
            }
        }
    }

    /// <summary>HOCON merge of two resolved objects: <paramref name="newer"/> overrides, objects merge recursively.</summary>
    internal static HoconObject Merge(HoconObject older, HoconObject newer) => CopyOf(older, newer.Origin, newer.Count).MergeFrom(newer);

    /// <summary>
    /// Merges <paramref name="newer"/> into this object in place (it takes newer's origin, as
    /// <see cref="Merge"/> would). Only for an object its caller has just created and not shared:
    /// nested objects are still merged by copy, since they may be shared.
    /// </summary>
    internal HoconObject MergeFrom(HoconObject newer)
    {
        Origin = newer.Origin;
        for (var n = 0; n < newer._count; n++)
        {
            var (key, value) = newer._fields[n];
            var i = IndexOf(key);
            if (i < 0)
            {
                Append(key, value);
            }
            else
            {
                ReplaceAt(i, value is HoconObject newObject && ValueAt(i) is HoconObject oldObject ? Merge(oldObject, newObject) : value);
            }
        }

        return this;
    }

    /// <summary>Gives an object its caller has just created and not shared another origin.</summary>
    internal void Retarget(HoconOrigin origin) => Origin = origin;

    /// <summary>A copy of <paramref name="source"/>'s fields under another origin, with room for <paramref name="extra"/> more.</summary>
    internal static HoconObject CopyOf(HoconObject source, HoconOrigin origin, int extra)
    {
        var result = new HoconObject(origin, source.Count + extra);
        Array.Copy(source._fields, result._fields, source._count);
        result._count = source._count;
        if (source._index is not null)
        {
            result._index = new Dictionary<string, int>(source._index, StringComparer.Ordinal);
        }

        return result;
    }
}
