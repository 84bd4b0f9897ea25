namespace CondorActors.Domain.ClassAds;

/// <summary>Storage: slots, the lazy name index and the lazily parsed expressions.</summary>
public sealed partial class ClassAd
{
    internal int SlotCount
    {
        get
        {
            Normalize();
            return _count;
        }
    }

    internal ref readonly AttributeSlot SlotAt(int index) => ref _slots[index];

    /// <summary>Index of the attribute, or -1. Case-insensitive.</summary>
    internal int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Normalize();
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var i) ? i : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_slots[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The expression at a slot, parsing deferred <c>/Expr()/</c> text once.</summary>
    internal ClassAdExpr ExpressionAt(int i)
    {
        ref var slot = ref _slots[i];
        if (slot.Expr is { } expr)
        {
            return expr;
        }

        if (slot.ExprText is { } text)
        {
            ClassAdExpr parsed;
            try
            {
                parsed = ClassAdExpr.Parse(text);
            }
            catch (ClassAdParseException)
            {
                // HTCondor would have rejected the whole ad; one bad attribute reads as error.
                parsed = LiteralExpr.Of(ClassAdValue.Error);
            }

            // A reference write is atomic; two threads racing here store equal trees.
            slot.Payload = parsed;
            return parsed;
        }

        return LiteralExpr.Of(slot.Literal);
    }

    /// <summary>An ad of slots read from JSON (duplicates not merged yet) with the shape of their names.</summary>
    internal static ClassAd FromJsonSlots(ReadOnlySpan<AttributeSlot> slots, ClassAdShape shape) => new(slots.ToArray(), shape);

    private void SetSlot(string name, in AttributeSlot slot)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var i = IndexOf(name);
        if (i >= 0)
        {
            // Keep the first spelling and position, as HTCondor's ClassAd::Insert does.
            _slots[i] = slot with { Name = _slots[i].Name };
            return;
        }

        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(8, _count * 2));
        }

        if (_indexShared)
        {
            // The index belongs to the shape and other ads: build an own one below.
            _index = null;
            _indexShared = false;
        }

        _shape = null;

        _slots[_count] = slot with { Name = name };
        _index?.Add(name, _count);
        _count++;
        BuildIndexIfLarge();
    }

    private void BuildIndexIfLarge()
    {
        if (_index is null && _count > IndexThreshold)
        {
            var index = new Dictionary<string, int>(_count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _count; i++)
            {
                index[_slots[i].Name] = i;
            }

            _index = index;
        }
    }

    private void Normalize()
    {
        if (!_needsNormalize)
        {
            return;
        }

        // Lock-free on purpose (no lock object per ad): racing threads compute the same result
        // from the same unchanged slots and publish it before clearing the volatile flag.
        if (_shape is { } shape && shape.TryGetUniqueIndex(IndexThreshold, out var shared))
        {
            _index = shared;
            _indexShared = shared is not null;
            _needsNormalize = false;
            return;
        }

        var slots = _slots;
        var count = _count;
        var index = new Dictionary<string, int>(count, StringComparer.OrdinalIgnoreCase);
        AttributeSlot[]? merged = null;
        var write = 0;
        for (var read = 0; read < count; read++)
        {
            if (index.TryGetValue(slots[read].Name, out var existing))
            {
                // Duplicate name from JSON: last value wins, first position and spelling kept.
                merged ??= slots[..count];
                merged[existing] = slots[read] with { Name = merged[existing].Name };
                continue;
            }

            index[slots[read].Name] = write;
            if (merged is not null)
            {
                merged[write] = slots[read];
            }

            write++;
        }

        if (merged is not null)
        {
            Array.Clear(merged, write, count - write);
            _slots = merged;
            _count = write;
        }

        _index = write > IndexThreshold ? index : null;
        _indexShared = false;
        _needsNormalize = false;
    }
}
