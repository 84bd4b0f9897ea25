namespace CondorActors.Domain.ClassAds;

/// <summary>
/// The attribute names, in order, that many ads read from one JSON answer have in common.
/// condor_q prints every job of a kind with the same attributes in the same order, so the name
/// index (and the duplicate check) is built once per shape and shared by those ads instead of
/// once per ad. Immutable once built; an ad that is mutated stops using it.
/// </summary>
internal sealed class ClassAdShape
{
    private readonly string[] _names;
    private readonly int _hash;

    // Published once: null until first use, then the result (possibly shared by many threads).
    private Result? _result;

    public ClassAdShape(ReadOnlySpan<AttributeSlot> slots, int hash)
    {
        _names = new string[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            _names[i] = slots[i].Name;
        }

        _hash = hash;
    }

    public bool Matches(ReadOnlySpan<AttributeSlot> slots, int hash)
    {
        if (hash != _hash || slots.Length != _names.Length)
        {
            return false;
        }

        for (var i = 0; i < slots.Length; i++)
        {
            // Names come from the reader's intern cache, so this is nearly always a reference hit.
            if (!string.Equals(slots[i].Name, _names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The shared case-insensitive index when the names are unique (null index below the size at
    /// which ads use a linear scan); false when some name repeats and each ad must merge its own.
    /// </summary>
    public bool TryGetUniqueIndex(int indexThreshold, out Dictionary<string, int>? index)
    {
        var result = Volatile.Read(ref _result) ?? Build(indexThreshold);
        index = result.Index;
        return result.Unique;
    }

    private Result Build(int indexThreshold)
    {
        var index = new Dictionary<string, int>(_names.Length, StringComparer.OrdinalIgnoreCase);
        var unique = true;
        for (var i = 0; i < _names.Length && unique; i++)
        {
            unique = index.TryAdd(_names[i], i);
        }

        // Racing threads build equal results; whichever is published first is used by all.
        var result = new Result(unique, unique && _names.Length > indexThreshold ? index : null);
        return Interlocked.CompareExchange(ref _result, result, null) ?? result;
    }

    private sealed record Result(bool Unique, Dictionary<string, int>? Index);
}
