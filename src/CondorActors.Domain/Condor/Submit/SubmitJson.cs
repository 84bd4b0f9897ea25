using System.Globalization;
using System.Text.Json;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// Reading typed values from a submit body. Numbers may come as JSON numbers or as strings (the
/// old API sent <c>"count": "100"</c>); every error names the key.
/// </summary>
internal static class SubmitJson
{
    /// <summary>
    /// Parses the body: UTF-8 only, at most <paramref name="maxDepth"/> levels, an object at the top,
    /// no key twice (a second <c>executable</c> must not silently win).
    /// </summary>
    public static JsonDocument ParseBody(ReadOnlyMemory<byte> body, int maxDepth)
    {
        if (body.IsEmpty)
        {
            throw new SubmitRequestException("body", "The body is empty; send a JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            // The reader's message says what and where (line, byte), never echoing the body.
            throw new SubmitRequestException("body", $"The body is not valid JSON: {e.Message}");
        }

        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SubmitRequestException("body", "The body must be a JSON object.");
            }

            RejectDuplicateKeys(document.RootElement, path: null);
            return document;
        }
        catch (InvalidOperationException)
        {
            document.Dispose();
            throw new SubmitRequestException("body", "The body has a key that is not valid Unicode text.");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public static string String(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new SubmitRequestException(field, $"'{field}' must be a string, not {Describe(value)}.");
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) cannot become a string.
            throw new SubmitRequestException(field, $"'{field}' must be valid Unicode text.");
        }
    }

    /// <summary>A string, number or boolean as text (environment values, extra commands).</summary>
    public static string Scalar(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => String(field, value),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new SubmitRequestException(field, $"'{field}' must be a string, number or boolean, not {Describe(value)}."),
    };

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], as a number or a string of digits.</summary>
    public static long Integer(string field, JsonElement value, long min, long max)
    {
        long result;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetInt64(out result))
            {
                throw new SubmitRequestException(field, value.TryGetDouble(out var d) && Math.Abs(d) < 1e18
                    ? $"'{field}' must be a whole number, not {value.GetRawText()}."
                    : $"'{field}' must be between {min} and {max}.");
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            var text = String(field, value).Trim();
            if (text.Length == 0 || text.Length > 19 || !text.All(char.IsAsciiDigit))
            {
                throw new SubmitRequestException(field, text.StartsWith('-') && text.Length > 1 && text[1..].All(char.IsAsciiDigit)
                    ? $"'{field}' must be between {min} and {max}."
                    : $"'{field}' must be a whole number (digits only), not \"{Shorten(text)}\".");
            }

            result = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            throw new SubmitRequestException(field, $"'{field}' must be a whole number, not {Describe(value)}.");
        }

        return result < min || result > max
            ? throw new SubmitRequestException(field, $"'{field}' must be between {min} and {max}; {result} is not.")
            : result;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static void RejectDuplicateKeys(JsonElement element, string? path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    var name = path is null ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        throw new SubmitRequestException(name, $"Key '{name}' appears more than once.");
                    }

                    RejectDuplicateKeys(property.Value, name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    RejectDuplicateKeys(item, path);
                }

                break;
        }
    }
}
