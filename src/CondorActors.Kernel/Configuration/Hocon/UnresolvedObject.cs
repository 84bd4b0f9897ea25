namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// An object literal as parsed. Each key keeps every definition in order (duplicate keys, path
/// keys, included files) so that merging, overriding and self-references ("look backward") can be
/// decided at resolution time, as HOCON.md requires.
/// </summary>
internal sealed class UnresolvedObject : HoconNode
{
    private readonly Dictionary<string, List<HoconNode>> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public UnresolvedObject(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <summary>Keys in order of first definition.</summary>
    public IReadOnlyList<string> Keys => _keys;

    public bool TryGetDefinitions(string key, out List<HoconNode> definitions) =>
        _fields.TryGetValue(key, out definitions!);

    public void Add(string key, HoconNode definition)
    {
        if (!_fields.TryGetValue(key, out var list))
        {
            list = new List<HoconNode>(1);
            _fields[key] = list;
            _keys.Add(key);
        }

        list.Add(definition);
    }

    /// <summary>Appends every definition of <paramref name="other"/> (an included file's root).</summary>
    public void AddAll(UnresolvedObject other)
    {
        foreach (var key in other._keys)
        {
            foreach (var definition in other._fields[key])
            {
                Add(key, definition);
            }
        }
    }
}
