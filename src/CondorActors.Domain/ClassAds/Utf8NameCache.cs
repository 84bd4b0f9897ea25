using System.Text;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Maps short UTF-8 byte sequences to strings so that attribute names (and common short values)
/// repeated in every ad of a query answer are allocated once per read, not once per ad.
/// A direct-mapped cache: a collision replaces the entry, correctness never depends on a hit.
/// </summary>
internal sealed class Utf8NameCache
{
    private const int Size = 2048;
    private const int MaxLength = 64;
    private readonly byte[]?[] _keys = new byte[Size][];
    private readonly string?[] _values = new string[Size];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Size - 1);
        var key = _keys[slot];
        if (key is not null && utf8.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }
}
