namespace CondorActors.Domain.ClassAds;

/// <summary>A nested ad <c>[ a = 1; b = a + 1 ]</c>; its attributes may refer to the enclosing ad.</summary>
public sealed class RecordExpr : ClassAdExpr
{
    private ClassAd? _ad;

    /// <summary>A record of <paramref name="attributes"/> (names case-insensitive; the last of duplicates wins).</summary>
    public RecordExpr(IReadOnlyList<KeyValuePair<string, ClassAdExpr>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        Attributes = attributes;
    }

    /// <summary>The attributes in written order.</summary>
    public IReadOnlyList<KeyValuePair<string, ClassAdExpr>> Attributes { get; }

    /// <summary>The record as an ad, built once (the tree is immutable, so it can be shared).</summary>
    internal ClassAd Ad
    {
        get
        {
            if (_ad is null)
            {
                var ad = new ClassAd();
                foreach (var (name, expr) in Attributes)
                {
                    ad.Set(name, expr);
                }

                _ad = ad;
            }

            return _ad;
        }
    }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other)
    {
        if (other is not RecordExpr r || r.Attributes.Count != Attributes.Count)
        {
            return false;
        }

        for (var i = 0; i < Attributes.Count; i++)
        {
            if (!string.Equals(Attributes[i].Key, r.Attributes[i].Key, StringComparison.OrdinalIgnoreCase)
                || !Attributes[i].Value.Equals(r.Attributes[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(typeof(RecordExpr), Attributes.Count);
}
