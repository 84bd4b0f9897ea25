namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>
/// The fast path for plain values (no substitution or concatenation anywhere below): they
/// cannot refer to anything, so restrictions, memos and cycle checks do not apply and the lazy
/// per-path machinery is skipped. Most of a large file is plain.
/// </summary>
/// <remarks>
/// The result must equal what the general path computes. The general path takes, per key, the
/// definitions from the newest back to the first non-object and merges the objects among them;
/// applying the definitions one by one, oldest first (a non-object replaces, an object merges
/// into an object), gives the same value, key order and origins.
/// </remarks>
internal sealed partial class HoconResolver
{
    /// <summary>
    /// True when every definition is a resolved object or a plain object literal, apart from an
    /// oldest non-object: <see cref="Effective"/> keeps the non-object that hides older
    /// definitions, and merging ignores it.
    /// </summary>
    private static bool AllPlainObjects(List<HoconNode> effective)
    {
        for (var i = FirstObject(effective); i < effective.Count; i++)
        {
            if (effective[i] is not (HoconObject or UnresolvedObject { IsPlain: true }))
            {
                return false;
            }
        }

        return true;
    }

    private static int FirstObject(List<HoconNode> effective) => effective[0] is HoconObject or UnresolvedObject ? 0 : 1;

    /// <summary>The merge of plain object definitions, oldest first.</summary>
    private static HoconObject MergePlain(List<HoconNode> effective)
    {
        var first = FirstObject(effective);
        var oldest = effective[first] as HoconObject ?? Literal((UnresolvedObject)effective[first]);
        if (effective.Count == first + 1)
        {
            return oldest;
        }

        // One copy of the oldest object (it may be shared), sized for every newer key so that it
        // never grows; the newer definitions then merge into that copy in place.
        var extra = 0;
        for (var i = first + 1; i < effective.Count; i++)
        {
            extra += effective[i] is HoconObject o ? o.Count : ((UnresolvedObject)effective[i]).Count;
        }

        var result = HoconObject.CopyOf(oldest, oldest.Origin, extra);
        for (var i = first + 1; i < effective.Count; i++)
        {
            result = effective[i] is HoconObject newer ? result.MergeFrom(newer) : MergeLiteralInto(result, (UnresolvedObject)effective[i]);
        }

        return result;
    }

    /// <summary>The value of a plain object literal (cached on it: it depends on nothing else).</summary>
    private static HoconObject Literal(UnresolvedObject literal)
    {
        if (literal.Literal is { } cached)
        {
            return cached;
        }

        var result = new HoconObject(literal.Origin, literal.Count);
        for (var i = 0; i < literal.Count; i++)
        {
            result.Append(literal.KeyAt(i), Apply(null, literal.DefinitionsAt(i)));
        }

        literal.Literal = result;
        return result;
    }

    /// <summary><paramref name="older"/> with the definitions of a plain literal applied over it.</summary>
    private static HoconObject MergeLiteral(HoconObject older, UnresolvedObject newer) => MergeLiteralInto(HoconObject.CopyOf(older, newer.Origin, newer.Count), newer);

    /// <summary>Applies a plain literal's definitions to an object the caller owns, in place.</summary>
    private static HoconObject MergeLiteralInto(HoconObject result, UnresolvedObject newer)
    {
        result.Retarget(newer.Origin);
        for (var i = 0; i < newer.Count; i++)
        {
            var key = newer.KeyAt(i);
            var index = result.IndexOf(key);
            if (index < 0)
            {
                result.Append(key, Apply(null, newer.DefinitionsAt(i)));
            }
            else
            {
                result.ReplaceAt(index, Apply(result.ValueAt(index), newer.DefinitionsAt(i)));
            }
        }

        return result;
    }

    /// <summary>Applies one key's definitions (one node or a list, oldest first) over its current value.</summary>
    private static HoconValue Apply(HoconValue? current, object definitions)
    {
        if (definitions is not List<HoconNode> list)
        {
            return Apply(current, (HoconNode)definitions);
        }

        foreach (var definition in list)
        {
            current = Apply(current, definition);
        }

        return current!;
    }

    private static HoconValue Apply(HoconValue? current, HoconNode definition) => definition switch
    {
        UnresolvedObject o when current is HoconObject older => MergeLiteral(older, o),
        UnresolvedObject o => Literal(o),
        UnresolvedArray a => LiteralArray(a),
        HoconObject o when current is HoconObject older => HoconObject.Merge(older, o),
        _ => (HoconValue)definition,
    };

    private static HoconArray LiteralArray(UnresolvedArray array)
    {
        var items = new HoconValue[array.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = array.Items[i] switch
            {
                UnresolvedObject o => Literal(o),
                UnresolvedArray a => LiteralArray(a),
                var node => (HoconValue)node,
            };
        }

        return new HoconArray(items, array.Origin);
    }
}
