using System.Text;

namespace CondorActors.Domain.ClassAds;

/// <summary>String functions.</summary>
internal static partial class ClassAdFunctions
{
    private const string DefaultListDelimiters = " ,";

    private static void AddStringFunctions(Dictionary<string, Body> table)
    {
        Strict(table, "strcat", 0, int.MaxValue, v =>
        {
            var sb = new StringBuilder();
            foreach (var value in v)
            {
                if (!TryToText(value, out var s))
                {
                    return ClassAdValue.Error;
                }

                sb.Append(s);
            }

            return ClassAdValue.FromString(sb.ToString());
        });

        Strict(table, "substr", 2, 3, v =>
        {
            if (!v[0].TryGetString(out var s) || !v[1].TryGetInteger(out var offset))
            {
                return ClassAdValue.Error;
            }

            var length = (long)s.Length;
            var start = offset < 0 ? Math.Max(0, length + offset) : Math.Min(offset, length);
            var end = length;
            if (v.Length == 3)
            {
                if (!v[2].TryGetInteger(out var count))
                {
                    return ClassAdValue.Error;
                }

                // A negative length leaves that many characters off the end.
                end = count < 0 ? length + count : Math.Min(length, start + count);
            }

            return ClassAdValue.FromString(end <= start ? string.Empty : s[(int)start..(int)end]);
        });

        Strict(table, "size", 1, 1, v => v[0].Kind switch
        {
            ClassAdValueKind.String => ClassAdValue.FromInteger(v[0].StringRef.Length),
            ClassAdValueKind.List => ClassAdValue.FromInteger(v[0].ListRef.Length),
            ClassAdValueKind.Record => ClassAdValue.FromInteger(v[0].RecordRef.Ad.Count),
            _ => ClassAdValue.Error,
        });
        table["length"] = table["size"];

        Strict(table, "toUpper", 1, 1, v => MapText(v[0], s => s.ToUpperInvariant()));
        Strict(table, "toLower", 1, 1, v => MapText(v[0], s => s.ToLowerInvariant()));
        table["upperCase"] = table["toUpper"];
        table["lowerCase"] = table["toLower"];

        Strict(table, "strcmp", 2, 2, v => CompareText(v[0], v[1], StringComparison.Ordinal));
        Strict(table, "stricmp", 2, 2, v => CompareText(v[0], v[1], StringComparison.OrdinalIgnoreCase));

        Strict(table, "stringListMember", 2, 3, v => StringListMember(v, StringComparison.Ordinal));
        Strict(table, "stringListIMember", 2, 3, v => StringListMember(v, StringComparison.OrdinalIgnoreCase));
        Strict(table, "stringListSize", 1, 2, v =>
        {
            if (!v[0].TryGetString(out var list) || !TryDelimiters(v, 1, out var delimiters))
            {
                return ClassAdValue.Error;
            }

            return ClassAdValue.FromInteger(SplitList(list, delimiters).Length);
        });

        Strict(table, "split", 1, 2, v =>
        {
            if (!v[0].TryGetString(out var s) || !TryDelimiters(v, 1, out var delimiters))
            {
                return ClassAdValue.Error;
            }

            return ClassAdValue.FromListUnsafe(SplitList(s, delimiters).Select(ClassAdValue.FromString).ToArray());
        });

        Strict(table, "splitUserName", 1, 1, v => SplitAt(v[0], userNameStyle: true));
        Strict(table, "splitSlotName", 1, 1, v => SplitAt(v[0], userNameStyle: false));

        Strict(table, "join", 1, int.MaxValue, v =>
        {
            // join(list) | join(sep, list) | join(sep, item, item...)
            string separator;
            IEnumerable<ClassAdValue> items;
            if (v.Length == 1)
            {
                if (v[0].Kind != ClassAdValueKind.List)
                {
                    return ClassAdValue.Error;
                }

                (separator, items) = (string.Empty, v[0].ListRef);
            }
            else
            {
                if (!TryToText(v[0], out separator))
                {
                    return ClassAdValue.Error;
                }

                items = v.Length == 2 && v[1].Kind == ClassAdValueKind.List ? v[1].ListRef : v.Skip(1);
            }

            var parts = new List<string>();
            foreach (var item in items)
            {
                if (item.IsUndefined)
                {
                    continue;
                }

                if (!TryToText(item, out var text))
                {
                    return ClassAdValue.Error;
                }

                parts.Add(text);
            }

            return ClassAdValue.FromString(string.Join(separator, parts));
        });
    }

    private static ClassAdValue MapText(ClassAdValue value, Func<string, string> map) =>
        value.Kind is ClassAdValueKind.List or ClassAdValueKind.Record || !TryToText(value, out var s)
            ? ClassAdValue.Error
            : ClassAdValue.FromString(map(s));

    private static ClassAdValue CompareText(ClassAdValue a, ClassAdValue b, StringComparison comparison)
    {
        if (!TryToText(a, out var x) || !TryToText(b, out var y))
        {
            return ClassAdValue.Error;
        }

        return ClassAdValue.FromInteger(Math.Sign(string.Compare(x, y, comparison)));
    }

    private static ClassAdValue StringListMember(ClassAdValue[] v, StringComparison comparison)
    {
        if (!v[0].TryGetString(out var item) || !v[1].TryGetString(out var list) || !TryDelimiters(v, 2, out var delimiters))
        {
            return ClassAdValue.Error;
        }

        foreach (var entry in SplitList(list, delimiters))
        {
            if (string.Equals(entry, item, comparison))
            {
                return ClassAdValue.True;
            }
        }

        return ClassAdValue.False;
    }

    private static bool TryDelimiters(ClassAdValue[] v, int index, out string delimiters)
    {
        if (v.Length <= index)
        {
            delimiters = DefaultListDelimiters;
            return true;
        }

        return v[index].TryGetString(out delimiters!);
    }

    /// <summary>HTCondor string lists: split on any delimiter character, trim blanks, drop empty items.</summary>
    private static string[] SplitList(string list, string delimiters) =>
        list.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ClassAdValue SplitAt(ClassAdValue value, bool userNameStyle)
    {
        if (!value.TryGetString(out var s))
        {
            return ClassAdValue.Error;
        }

        // "user@domain" -> {"user","domain"}; a name without '@' is all user (splitUserName)
        // or all machine (splitSlotName: "slot1@host" -> {"slot1","host"}, "host" -> {"","host"}).
        var at = s.IndexOf('@', StringComparison.Ordinal);
        string first, second;
        if (at < 0)
        {
            (first, second) = userNameStyle ? (s, string.Empty) : (string.Empty, s);
        }
        else
        {
            (first, second) = (s[..at], s[(at + 1)..]);
        }

        return ClassAdValue.FromListUnsafe([ClassAdValue.FromString(first), ClassAdValue.FromString(second)]);
    }
}
