using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>Renders resolved values as JSON, keeping key order and numbers as written.</summary>
public static class HoconJson
{
    /// <summary>JSON text of <paramref name="value"/>.</summary>
    public static string Render(HoconValue value, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>True when <paramref name="text"/> is a number in JSON's grammar.</summary>
    public static bool IsJsonNumber(string text) => HoconTokenizer.IsJsonNumber(text);

    /// <summary>Writes <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject o:
                writer.WriteStartObject();
                foreach (var (key, field) in o.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case HoconArray a:
                writer.WriteStartArray();
                foreach (var item in a.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HoconString s:
                writer.WriteStringValue(s.Value);
                break;
            case HoconNumber n:
                writer.WriteRawValue(n.Raw);
                break;
            case HoconBoolean b:
                writer.WriteBooleanValue(b.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
