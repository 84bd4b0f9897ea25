using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Writing ads as JSON in HTCondor's shape: literals as JSON values (<c>undefined</c> as null),
/// reals always with a fraction or exponent so they read back as reals, lists as arrays, nested
/// ads as objects, other expressions as <c>"/Expr(text)/"</c> (or evaluated, by option).
/// </summary>
public static partial class ClassAdJson
{
    /// <summary>
    /// Writer options that keep expression text readable ("+", "&lt;", "&amp;" unescaped): JSON-safe,
    /// though not for pasting into HTML. Used by <see cref="Serialize(ClassAd, ClassAdJsonWriteOptions?)"/>.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one ad as a JSON object.</summary>
    public static void WriteAd(Utf8JsonWriter writer, ClassAd ad, ClassAdJsonWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ad);
        options ??= ClassAdJsonWriteOptions.Default;
        writer.WriteStartObject();
        var count = ad.SlotCount;
        for (var i = 0; i < count; i++)
        {
            ref readonly var slot = ref ad.SlotAt(i);
            writer.WritePropertyName(options.LowerCaseNames ? slot.Name.ToLowerInvariant() : slot.Name);
            if (slot.IsLiteral)
            {
                WriteValue(writer, slot.Literal, options);
            }
            else if (options.Expressions == ClassAdJsonExpressionMode.Evaluated)
            {
                WriteValue(writer, ad.Evaluate(slot.Name), options);
            }
            else if (slot.Expr is null)
            {
                // Text read from JSON goes back out unchanged, without a parse.
                WriteExpressionString(writer, slot.ExprText!);
            }
            else
            {
                WriteExpression(writer, slot.Expr, options);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes ads as a JSON array.</summary>
    public static void WriteAds(Utf8JsonWriter writer, IEnumerable<ClassAd> ads, ClassAdJsonWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ads);
        writer.WriteStartArray();
        foreach (var ad in ads)
        {
            WriteAd(writer, ad, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>One ad as a JSON string.</summary>
    public static string Serialize(ClassAd ad, ClassAdJsonWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteAd(writer, ad, options);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Ads as a JSON array string.</summary>
    public static string Serialize(IEnumerable<ClassAd> ads, ClassAdJsonWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteAds(writer, ads, options);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a value as JSON (times and non-finite reals as expression strings).</summary>
    public static void WriteValue(Utf8JsonWriter writer, ClassAdValue value, ClassAdJsonWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        options ??= ClassAdJsonWriteOptions.Default;
        switch (value.Kind)
        {
            case ClassAdValueKind.Undefined:
                writer.WriteNullValue();
                break;
            case ClassAdValueKind.Boolean:
                writer.WriteBooleanValue(value.IsTrue);
                break;
            case ClassAdValueKind.Integer:
                writer.WriteNumberValue(value.IntegerBits);
                break;
            case ClassAdValueKind.Real:
                var real = value.RealBits;
                if (double.IsFinite(real))
                {
                    // WriteNumberValue(1.0) writes "1", which reads back as an integer.
                    writer.WriteRawValue(FormatJsonReal(real), skipInputValidation: true);
                }
                else
                {
                    WriteExpressionString(writer, ClassAdPrinter.FormatReal(real));
                }

                break;
            case ClassAdValueKind.String:
                writer.WriteStringValue(value.StringRef);
                break;
            case ClassAdValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.ListRef)
                {
                    WriteValue(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            case ClassAdValueKind.Record:
                WriteAd(writer, value.RecordRef.Ad, options);
                break;
            default:
                // error, absolute and relative times have no JSON form.
                WriteExpressionString(writer, ClassAdPrinter.Print(value));
                break;
        }
    }

    private static void WriteExpression(Utf8JsonWriter writer, ClassAdExpr expr, ClassAdJsonWriteOptions options)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                WriteValue(writer, literal.Value, options);
                break;
            case ListExpr list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteExpression(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            case RecordExpr record:
                writer.WriteStartObject();
                foreach (var (name, value) in record.Attributes)
                {
                    writer.WritePropertyName(options.LowerCaseNames ? name.ToLowerInvariant() : name);
                    WriteExpression(writer, value, options);
                }

                writer.WriteEndObject();
                break;
            default:
                WriteExpressionString(writer, expr.ToString());
                break;
        }
    }

    private static void WriteExpressionString(Utf8JsonWriter writer, string text) =>
        writer.WriteStringValue(string.Concat("/Expr(", text, ")/"));

    private static string FormatJsonReal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text;
    }
}
