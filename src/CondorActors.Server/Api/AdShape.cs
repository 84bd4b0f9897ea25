using System.Globalization;
using System.Text.Json;
using CondorActors.Domain.ClassAds;

namespace CondorActors.Server.Api;

/// <summary>
/// How one ad becomes one item of a response, as htcondor-restd shapes it: attribute names lower
/// case, identity attributes the query added removed unless asked for, redacted attributes
/// replaced by <c>"&lt;REDACTED&gt;"</c>. Ads may be shared (cached), so changes go to a copy.
/// </summary>
internal sealed class AdShape
{
    public const string Redacted = "<REDACTED>";

    private static readonly ClassAdJsonWriteOptions WriteOptions = new() { LowerCaseNames = true };
    private readonly IReadOnlyList<string> _strip;
    private readonly IReadOnlyList<string> _redact;

    private AdShape(ItemKind kind, IReadOnlyList<string> strip, IReadOnlyList<string> redact)
    {
        Kind = kind;
        _strip = strip;
        _redact = redact;
    }

    public enum ItemKind
    {
        /// <summary><c>{"jobid": "1.0", "classad": {...}}</c></summary>
        Job,

        /// <summary><c>{"name": ..., "type": ..., "classad": {...}}</c></summary>
        Status,
    }

    public ItemKind Kind { get; }

    /// <summary>The shape for a projection (null = whole ads); <paramref name="keep"/> are extra names the caller needs (a group-by).</summary>
    public static AdShape For(ItemKind kind, IReadOnlyList<string>? projection, IReadOnlyList<string> redact, params string[] keep)
    {
        var identity = kind == ItemKind.Job ? Domain.Condor.CondorIdentity.JobAttributes : Domain.Condor.CondorIdentity.StatusAttributes;
        var strip = projection is null
            ? []
            : identity.Where(name => !projection.Concat(keep).Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        return new AdShape(kind, strip, kind == ItemKind.Job ? redact : []);
    }

    /// <summary>Writes the item for <paramref name="ad"/>.</summary>
    public void WriteItem(Utf8JsonWriter writer, ClassAd ad)
    {
        writer.WriteStartObject();
        if (Kind == ItemKind.Job)
        {
            writer.WriteString("jobid", JobId(ad));
        }
        else
        {
            WriteStringOrNull(writer, "name", ad.Evaluate("Name"));
            WriteStringOrNull(writer, "type", ad.Evaluate("MyType"));
        }

        writer.WritePropertyName("classad");
        ClassAdJson.WriteAd(writer, Apply(ad), WriteOptions);
        writer.WriteEndObject();
    }

    /// <summary>The ad as clients see it (stripped and redacted).</summary>
    public ClassAd Apply(ClassAd ad)
    {
        var needsStrip = _strip.Any(ad.Contains);
        var needsRedact = _redact.Any(ad.Contains);
        if (!needsStrip && !needsRedact)
        {
            return ad;
        }

        var copy = ad.Clone();
        foreach (var name in _strip)
        {
            copy.Remove(name);
        }

        foreach (var name in _redact)
        {
            if (copy.Contains(name))
            {
                copy.Set(name, ClassAdValue.FromString(Redacted));
            }
        }

        return copy;
    }

    public static string JobId(ClassAd ad) =>
        ad.Evaluate("ClusterId").TryGetInteger(out var cluster) && ad.Evaluate("ProcId").TryGetInteger(out var proc)
            ? string.Create(CultureInfo.InvariantCulture, $"{cluster}.{proc}")
            : string.Empty;

    /// <summary>Writes one attribute's JSON value as the classad object would show it.</summary>
    public static void WriteAttributeValue(Utf8JsonWriter writer, ClassAd ad, string name)
    {
        using var document = JsonDocument.Parse(ClassAdJson.Serialize(ad.Project([name]), WriteOptions));
        document.RootElement.EnumerateObject().First().Value.WriteTo(writer);
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string property, ClassAdValue value)
    {
        if (value.TryGetString(out var text))
        {
            writer.WriteString(property, text);
        }
        else
        {
            writer.WriteNull(property);
        }
    }
}
