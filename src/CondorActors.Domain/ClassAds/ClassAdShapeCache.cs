namespace CondorActors.Domain.ClassAds;

/// <summary>
/// The shapes seen recently by one JSON read, direct-mapped by a hash of the name references:
/// a queue holds a few kinds of ads (idle, running, held jobs) that alternate, so remembering
/// only the previous ad's shape would miss. A collision replaces the entry; a miss costs one
/// new shape, never a wrong one.
/// </summary>
internal sealed class ClassAdShapeCache
{
    private const int Size = 64;
    private readonly ClassAdShape?[] _shapes = new ClassAdShape?[Size];

    /// <summary>
    /// Mixes one name into a running hash. Cheap on purpose (length and two characters, not the
    /// whole name): <see cref="ClassAdShape.Matches"/> confirms every name anyway.
    /// </summary>
    public static int Mix(int hash, string name) =>
        (hash * 31) + (name.Length * 1_000_003) + (name[0] * 131) + name[^1];

    public ClassAdShape Get(ReadOnlySpan<AttributeSlot> slots, int hash)
    {
        var entry = (hash ^ (hash >> 16) ^ slots.Length) & (Size - 1);
        var shape = _shapes[entry];
        if (shape is not null && shape.Matches(slots, hash))
        {
            return shape;
        }

        shape = new ClassAdShape(slots, hash);
        _shapes[entry] = shape;
        return shape;
    }
}
