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

    // HTCondor prints every ad of a query with the same attributes in the same order, so the
    // string seen at the same position of the previous ad is usually the right one: one byte
    // comparison instead of hashing.
    private byte[]?[] _positionKeys = new byte[256][];
    private string?[] _positionValues = new string[256];

    public string Get(ReadOnlySpan<byte> utf8, int position)
    {
        if (position >= _positionKeys.Length)
        {
            Array.Resize(ref _positionKeys, position * 2);
            Array.Resize(ref _positionValues, position * 2);
        }

        var predicted = _positionKeys[position];
        if (predicted is not null && utf8.SequenceEqual(predicted))
        {
            return _positionValues[position]!;
        }

        var value = Get(utf8);
        if (utf8.Length <= MaxLength)
        {
            _positionKeys[position] = utf8.ToArray();
            _positionValues[position] = value;
        }

        return value;
    }

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
