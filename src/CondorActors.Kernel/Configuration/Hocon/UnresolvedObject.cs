namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// An object literal as parsed. Each key keeps every definition in order (duplicate keys, path
/// keys, included files) so that merging, overriding and self-references ("look backward") can be
/// decided at resolution time, as HOCON.md requires.
/// </summary>
/// <remarks>
/// Most keys have exactly one definition and most objects a handful of keys, so a key's single
/// definition is stored inline (a list only for duplicates) and the key index is built only when
/// the object grows: a 1 MiB file holds tens of thousands of these.
/// </remarks>
internal sealed class UnresolvedObject : HoconNode
{
    private const int IndexThreshold = 32;
    private Entry[] _entries = [];
    private int _count;
    // Past the threshold: an open-addressing table of entry positions + 1 (0 is free), a power of
    // two at most half full. Four bytes a slot, against a Dictionary's 28 bytes an entry plus its
    // regrowth: the root of a large file holds thousands of keys.
    private int[]? _index;

    public UnresolvedObject(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => _count;

    /// <summary>Keys in order of first definition.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            var keys = new string[_count];
            for (var i = 0; i < _count; i++)
            {
                keys[i] = _entries[i].Key;
            }

            return keys;
        }
    }

    /// <summary>
    /// True when no definition below this object is a substitution or concatenation: its value
    /// then depends on nothing else and the resolver converts it directly.
    /// </summary>
    public bool IsPlain { get; private set; } = true;

    /// <summary>The converted value of a plain object, cached by the resolver (it does not depend on context).</summary>
    internal HoconObject? Literal { get; set; }

    public string KeyAt(int index) => _entries[index].Key;

    /// <summary>The definitions of the key at <paramref name="index"/>: one node, or a list (oldest first).</summary>
    public object DefinitionsAt(int index) => _entries[index].Definitions;

    public bool TryGetDefinitions(string key, out List<HoconNode> definitions)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            definitions = null!;
            return false;
        }

        if (_entries[i].Definitions is List<HoconNode> list)
        {
            definitions = list;
            return true;
        }

        // The resolver's general path works on lists; keep the one made so later lookups share it.
        definitions = [(HoconNode)_entries[i].Definitions];
        _entries[i].Definitions = definitions;
        return true;
    }

    public void Add(string key, HoconNode definition)
    {
        if (IsPlain && !IsPlainNode(definition))
        {
            IsPlain = false;
        }

        var i = IndexOf(key);
        if (i >= 0)
        {
            ref var entry = ref _entries[i];
            if (entry.Definitions is List<HoconNode> list)
            {
                list.Add(definition);
            }
            else
            {
                entry.Definitions = new List<HoconNode>(2) { (HoconNode)entry.Definitions, definition };
            }

            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count == 0 ? 4 : _count * 2);
        }

        _entries[_count] = new Entry(key, definition);
        _count++;
        if (_index is not null && _count * 2 <= _index.Length)
        {
            Insert(_index, key, _count - 1);
        }
        else if (_count > IndexThreshold)
        {
            RebuildIndex();
        }
    }

    private void RebuildIndex()
    {
        var index = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)_count * 2)];
        for (var j = 0; j < _count; j++)
        {
            Insert(index, _entries[j].Key, j);
        }

        _index = index;
    }

    private static void Insert(int[] index, string key, int position)
    {
        var mask = index.Length - 1;
        var slot = key.GetHashCode() & mask;
        while (index[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        index[slot] = position + 1;
    }

    /// <summary>Appends every definition of <paramref name="other"/> (an included file's root).</summary>
    public void AddAll(UnresolvedObject other)
    {
        for (var i = 0; i < other._count; i++)
        {
            var (key, definitions) = other._entries[i];
            if (definitions is List<HoconNode> list)
            {
                foreach (var definition in list)
                {
                    Add(key, definition);
                }
            }
            else
            {
                Add(key, (HoconNode)definitions);
            }
        }
    }

    /// <summary>Values, and objects and arrays made only of them, need no resolution.</summary>
    public static bool IsPlainNode(HoconNode node) => node switch
    {
        HoconValue => true,
        UnresolvedObject o => o.IsPlain,
        UnresolvedArray a => a.IsPlain,
        _ => false,
    };

    // Most objects are small: a linear scan beats hashing until they grow.
    private int IndexOf(string key)
    {
        if (_index is { } index)
        {
            var mask = index.Length - 1;
            for (var slot = key.GetHashCode() & mask; index[slot] != 0; slot = (slot + 1) & mask)
            {
                var position = index[slot] - 1;
                if (string.Equals(_entries[position].Key, key, StringComparison.Ordinal))
                {
                    return position;
                }
            }

            return -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // Definitions: the key's single HoconNode, or a List<HoconNode> once it has several.
    private record struct Entry(string Key, object Definitions);
}
