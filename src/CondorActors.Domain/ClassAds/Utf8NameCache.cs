using System.Text;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Maps short UTF-8 byte sequences to strings so that attribute names (and common short values)
/// repeated in every ad of a query answer are allocated once per read, not once per ad.
/// A direct-mapped cache: a collision replaces the entry, correctness never depends on a hit.
/// Entries are compared with the cached string itself (ASCII only), so a miss allocates just
/// the new string; non-ASCII text never hits and is simply decoded.
/// </summary>
internal sealed class Utf8NameCache
{
    private const int Size = 2048;
    private const int MaxLength = 64;
    private readonly string?[] _values = new string[Size];

    // HTCondor prints every ad of a query with the same attributes in the same order, so the
    // string seen at the same position of the previous ad is usually the right one: one byte
    // comparison instead of hashing.
    private string?[] _positionValues = new string[256];

    public string Get(ReadOnlySpan<byte> utf8, int position)
    {
        if (position >= _positionValues.Length)
        {
            Array.Resize(ref _positionValues, position * 2);
        }

        var predicted = _positionValues[position];
        if (predicted is not null && Ascii.Equals(utf8, predicted))
        {
            return predicted;
        }

        var value = Get(utf8);
        _positionValues[position] = value;
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
        // Two-way: two strings that hash to the same entry and alternate (as attributes of
        // different job kinds do) would otherwise evict each other on every ad.
        var slot = hash.ToHashCode() & (Size - 1);
        var cached = _values[slot];
        if (cached is not null && Ascii.Equals(utf8, cached))
        {
            return cached;
        }

        var other = _values[slot ^ 1];
        if (other is not null && Ascii.Equals(utf8, other))
        {
            return other;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _values[cached is null || other is not null ? slot : slot ^ 1] = value;
        return value;
    }
}
