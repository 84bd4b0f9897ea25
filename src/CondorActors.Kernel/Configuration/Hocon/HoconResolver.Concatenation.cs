using System.Globalization;
using System.Text;

namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconResolver
{
    /// <summary>
    /// HOCON.md, value concatenation: all simple values join into a string (whitespace between
    /// them kept), arrays concatenate, objects merge; mixing kinds is an error. An undefined
    /// optional substitution contributes nothing; if nothing is left the value is undefined.
    /// </summary>
    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, Restriction? restriction, bool splitObjects, out HoconObject[]? objectParts)
    {
        // The parts list is scratch (nothing keeps it); on an error it is simply not reused.
        var parts = RentList();
        var value = ResolveConcatenation(concatenation, restriction, splitObjects, parts, out objectParts);
        ReturnList(parts);
        return value;
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, Restriction? restriction, bool splitObjects, List<HoconNode> parts, out HoconObject[]? objectParts)
    {
        objectParts = null;
        HoconValue? firstSimple = null;
        HoconValue? firstObject = null;
        HoconValue? firstArray = null;
        var defined = 0;
        foreach (var part in concatenation.Parts)
        {
            if (part is HoconWhitespace)
            {
                parts.Add(part);
                continue;
            }

            var value = ResolveAnonymous(part, restriction);
            if (value is null)
            {
                continue;
            }

            defined++;
            parts.Add(value);
            switch (value)
            {
                case HoconObject:
                    firstObject ??= value;
                    break;
                case HoconArray:
                    firstArray ??= value;
                    break;
                default:
                    firstSimple ??= value;
                    break;
            }
        }

        if (defined == 0)
        {
            return null;
        }

        if (defined == 1 && parts.Count == 1)
        {
            return (HoconValue)parts[0];
        }

        if (firstArray is not null)
        {
            return ConcatenateArrays(parts, concatenation, firstSimple);
        }

        if (firstObject is not null)
        {
            if (firstSimple is not null)
            {
                throw Mixed(firstSimple, "an object", concatenation);
            }

            if (splitObjects)
            {
                objectParts = new HoconObject[defined];
                var n = 0;
                foreach (var part in parts)
                {
                    if (part is HoconObject o)
                    {
                        objectParts[n++] = o;
                    }
                }

                return null;
            }

            HoconObject? merged = null;
            foreach (var part in parts)
            {
                if (part is HoconObject o)
                {
                    merged = merged is null ? o : HoconObject.Merge(merged, o);
                }
            }

            return merged;
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part is HoconWhitespace w ? w.Text : ((HoconValue)part).ScalarText);
        }

        return new HoconString(sb.ToString(), concatenation.Origin);
    }

    private static HoconArray ConcatenateArrays(List<HoconNode> parts, HoconConcatenation concatenation, HoconValue? firstSimple)
    {
        if (firstSimple is not null)
        {
            throw Mixed(firstSimple, "an array", concatenation);
        }

        var items = new List<HoconValue>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case HoconArray a:
                    items.AddRange(a.Items);
                    break;
                case HoconObject o:
                    // HOCON.md: an object with numeric keys converts to an array where a list is expected.
                    items.AddRange((NumericObjectToArray(o) ?? throw new HoconException(o.Origin, "cannot concatenate an object with an array: a concatenation must be all strings, all arrays or all objects")).Items);
                    break;
                default:
                    break;
            }
        }

        return new HoconArray(items, concatenation.Origin);
    }

    private static HoconException Mixed(HoconValue simple, string other, HoconConcatenation concatenation)
    {
        var from = simple.Origin == concatenation.Origin || simple.Origin.Description != concatenation.Origin.Description || simple.Origin.Line != concatenation.Origin.Line
            ? $" (defined at {simple.Origin})"
            : "";
        return new(concatenation.Origin,
            $"cannot concatenate {other} with the {simple.Type.ToString().ToLowerInvariant()} '{simple.ScalarText}'{from}: a concatenation must be all strings, all arrays or all objects (quote the string, or put values on separate lines)");
    }

    internal static HoconArray? NumericObjectToArray(HoconObject obj)
    {
        var numbered = new List<(int Index, HoconValue Value)>();
        foreach (var (key, value) in obj.Fields)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                numbered.Add((index, value));
            }
        }

        if (numbered.Count == 0)
        {
            return null;
        }

        numbered.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new HoconArray([.. numbered.Select(n => n.Value)], obj.Origin);
    }
}
