using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Renders values as ClassAd literal text that HTCondor reads back as the same value: strings
/// quoted with every quote, backslash and control character escaped (safe to put into a submit
/// description or a constraint), numbers in invariant culture, JSON arrays as lists and JSON
/// objects as records.
/// </summary>
public static class ClassAdLiteral
{
    /// <summary>A quoted, escaped ClassAd string literal: <c>"a \"b\""</c>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ClassAdPrinter.Quote(value);
    }

    /// <summary>The literal text of a value.</summary>
    public static string From(ClassAdValue value) => ClassAdPrinter.Print(value);

    /// <summary>
    /// The ClassAd literal for a JSON value: string → quoted string, integer → integer, other
    /// number → real, true/false, null → <c>undefined</c>, array → list, object → record (member
    /// names that are not plain identifiers are quoted).
    /// </summary>
    public static string FromJson(JsonElement value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                ClassAdPrinter.WriteQuoted(sb, value.GetString()!, '"');
                break;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var i))
                {
                    sb.Append(i.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(ClassAdPrinter.FormatReal(value.GetDouble()));
                }

                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Array:
                sb.Append('{');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    sb.Append(first ? " " : ", ");
                    first = false;
                    Write(sb, item);
                }

                sb.Append(first ? "}" : " }");
                break;
            case JsonValueKind.Object:
                sb.Append('[');
                var firstMember = true;
                foreach (var member in value.EnumerateObject())
                {
                    sb.Append(firstMember ? " " : "; ");
                    firstMember = false;
                    ClassAdPrinter.WriteName(sb, member.Name);
                    sb.Append(" = ");
                    Write(sb, member.Value);
                }

                sb.Append(firstMember ? "]" : " ]");
                break;
            default:
                sb.Append("undefined");
                break;
        }
    }
}
