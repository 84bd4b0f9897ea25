using System.Globalization;
using System.Text.Json;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor.Submit;

public static partial class SubmitDescriptionBuilder
{
    private static readonly Dictionary<string, string> ShouldTransferValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["YES"] = "YES", ["NO"] = "NO", ["IF_NEEDED"] = "IF_NEEDED",
    };

    private static readonly Dictionary<string, string> WhenToTransferValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ON_EXIT"] = "ON_EXIT", ["ON_EXIT_OR_EVICT"] = "ON_EXIT_OR_EVICT", ["ON_SUCCESS"] = "ON_SUCCESS",
    };

    private static void RenderTransfer(Dictionary<string, JsonElement> keys, List<string> lines)
    {
        if (keys.TryGetValue(SubmitKeys.Environment, out var environment))
        {
            lines.Add($"environment = {RenderEnvironment(environment)}");
        }

        if (keys.TryGetValue(SubmitKeys.ShouldTransferFiles, out var should))
        {
            var text = should.ValueKind switch
            {
                JsonValueKind.True => "YES",
                JsonValueKind.False => "NO",
                _ => Choice(SubmitKeys.ShouldTransferFiles, should, ShouldTransferValues),
            };
            lines.Add($"should_transfer_files = {text}");
        }

        if (keys.TryGetValue(SubmitKeys.WhenToTransferOutput, out var when))
        {
            lines.Add($"when_to_transfer_output = {Choice(SubmitKeys.WhenToTransferOutput, when, WhenToTransferValues)}");
        }
    }

    private static string RenderEnvironment(JsonElement environment)
    {
        if (environment.ValueKind != JsonValueKind.Object)
        {
            throw new SubmitRequestException(SubmitKeys.Environment, $"'environment' must be an object of NAME: value, not {SubmitJson.Describe(environment)}.");
        }

        var variables = new List<KeyValuePair<string, string>>();
        foreach (var variable in environment.EnumerateObject())
        {
            var field = $"{SubmitKeys.Environment}.{variable.Name}";
            if (!ClassAdExpression.IsValidAttributeName(variable.Name))
            {
                var shown = SubmitValueRules.Problem(variable.Name) is null ? SubmitJson.Shorten(variable.Name) : "(unprintable)";
                throw new SubmitRequestException(SubmitKeys.Environment, $"'environment' variable name '{shown}' must be letters, digits and '_', not starting with a digit.");
            }

            var value = SubmitJson.Scalar(field, variable.Value);
            Check(field, value);
            variables.Add(new(variable.Name, value));
        }

        return SubmitQuoting.Environment(variables);
    }

    private static string Choice(string field, JsonElement value, Dictionary<string, string> choices)
    {
        var text = SubmitJson.String(field, value).Trim();
        return choices.TryGetValue(text, out var canonical)
            ? canonical
            : throw new SubmitRequestException(field, $"'{field}' must be one of {string.Join(", ", choices.Values)}.");
    }

    private static void RenderExpressions(Dictionary<string, JsonElement> keys, List<string> lines)
    {
        foreach (var key in new[] { SubmitKeys.Requirements, SubmitKeys.Rank })
        {
            if (!keys.TryGetValue(key, out var value))
            {
                continue;
            }

            var text = SubmitJson.String(key, value);
            Check(key, text);
            if (!ClassAdExpression.TryParse(text, out var expression, out var error))
            {
                throw new SubmitRequestException(key, $"'{key}' is not a ClassAd expression: {error}");
            }

            // Printed from the parse tree: exactly one expression, whatever the client's spacing or comments.
            var canonical = expression.ToString();
            Check(key, canonical);
            lines.Add($"{key} = {canonical}");
        }
    }

    private static void RenderMisc(Dictionary<string, JsonElement> keys, List<string> lines)
    {
        if (keys.TryGetValue(SubmitKeys.BatchName, out var batch))
        {
            var name = SubmitJson.Scalar(SubmitKeys.BatchName, batch);
            if (name.Length > 256 || name.Contains('"', StringComparison.Ordinal))
            {
                throw new SubmitRequestException(SubmitKeys.BatchName, "'batch_name' must be at most 256 characters without double quotes.");
            }

            lines.Add($"batch_name = {Raw(SubmitKeys.BatchName, name)}");
        }

        if (keys.TryGetValue(SubmitKeys.MaxRetries, out var retries))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"max_retries = {SubmitJson.Integer(SubmitKeys.MaxRetries, retries, 0, 1000)}"));
        }
    }

    private static void RenderAttributes(JsonElement attributes, List<string> lines)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            throw new SubmitRequestException(SubmitKeys.Attributes, $"'attributes' must be an object of Name: value, not {SubmitJson.Describe(attributes)}.");
        }

        foreach (var attribute in attributes.EnumerateObject())
        {
            var name = attribute.Name;
            if (!ClassAdExpression.IsValidAttributeName(name) || name.Length > 100)
            {
                var shown = SubmitValueRules.Problem(name) is null ? SubmitJson.Shorten(name) : "(unprintable)";
                throw new SubmitRequestException(SubmitKeys.Attributes, $"'attributes' name '{shown}' is not a ClassAd attribute name (letters, digits and '_', not starting with a digit, at most 100).");
            }

            var field = $"{SubmitKeys.Attributes}.{name}";
            if (ProtectedAttributes.Problem(name) is { } owned)
            {
                throw new SubmitRequestException(field, $"'{field}': {owned}.");
            }

            CheckStrings(field, attribute.Value);
            var literal = ClassAdLiteral.FromJson(attribute.Value);
            Check(field, literal);
            lines.Add($"+{name} = {literal}");
        }
    }

    /// <summary>Every string inside an attribute value obeys the value rules (the literal escapes line breaks, but they are refused anyway).</summary>
    private static void CheckStrings(string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Check(field, SubmitJson.String(field, value));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    CheckStrings(field, item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    Check(field, member.Name);
                    CheckStrings(field, member.Value);
                }

                break;
        }
    }
}
