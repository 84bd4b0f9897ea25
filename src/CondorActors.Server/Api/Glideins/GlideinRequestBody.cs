using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CondorActors.Domain.Glideins;

namespace CondorActors.Server.Api.Glideins;

/// <summary>
/// The body of <c>POST /v1/sites/{site}/glideins</c>: <c>{count, nodes, slots_per_node, walltime,
/// mode, attributes}</c>, every key optional (the site's defaults fill in). A malformed value is a
/// 400 naming its key; a value over a site limit is a 422 naming it. Whether the site has room
/// for <c>count</c> more is the site actor's decision (409), since only it knows how many live.
/// </summary>
internal static class GlideinRequestBody
{
    /// <summary>A refused body: which key, why, and the status (400 malformed, 422 over a limit).</summary>
    public sealed record Refusal(string Field, string Message, int Status);

    /// <summary>What the body asks for, or the refusal.</summary>
    public static (int Count, GlideinSpec Spec)? Parse(JsonElement body, GlideinSiteSettings site, out Refusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(site);
        refusal = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            refusal = new Refusal("body", "The body must be a JSON object.", 400);
            return null;
        }

        var defaults = site.Defaults;
        int count = 1, nodes = defaults.Nodes, slots = defaults.SlotsPerNode;
        var walltime = defaults.Walltime;
        var mode = defaults.Mode;
        var attributes = ImmutableSortedDictionary<string, string>.Empty;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in body.EnumerateObject())
        {
            var key = property.Name.ToLowerInvariant();
            if (!seen.Add(key))
            {
                refusal = new Refusal(property.Name, $"'{property.Name}' is given twice.", 400);
                return null;
            }

            var value = property.Value;
            var ok = key switch
            {
                "count" => Integer(value, "count", out count, ref refusal),
                "nodes" => Integer(value, "nodes", out nodes, ref refusal),
                "slots_per_node" => Integer(value, "slots_per_node", out slots, ref refusal),
                "walltime" => Walltime(value, out walltime, ref refusal),
                "mode" => Mode(value, out mode, ref refusal),
                "attributes" => Attributes(value, out attributes, ref refusal),
                _ => Refuse(new Refusal(property.Name, $"Unknown key '{property.Name}' (count, nodes, slots_per_node, walltime, mode, attributes).", 400), ref refusal),
            };
            if (!ok)
            {
                return null;
            }
        }

        refusal =
            count > site.MaxGlideins ? new Refusal("count", $"Site {site.Name} allows at most {site.MaxGlideins} glideins.", 422) :
            nodes > site.MaxNodesPerJob ? new Refusal("nodes", $"Site {site.Name} allows at most {site.MaxNodesPerJob} nodes per batch job.", 422) :
            slots > site.MaxSlotsPerNode ? new Refusal("slots_per_node", $"Site {site.Name} allows at most {site.MaxSlotsPerNode} slots per node.", 422) :
            walltime > site.MaxWalltime ? new Refusal("walltime", $"Site {site.Name} allows a walltime of at most {(long)site.MaxWalltime.TotalSeconds} s.", 422) :
            null;
        return refusal is null
            ? (count, new GlideinSpec { Nodes = nodes, SlotsPerNode = slots, Walltime = walltime, Mode = mode, Attributes = attributes })
            : null;
    }

    private static bool Integer(JsonElement value, string field, out int result, ref Refusal? refusal)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 1)
        {
            return true;
        }

        return Refuse(new Refusal(field, $"{field} must be a whole number of at least 1.", 400), ref refusal);
    }

    /// <summary>Seconds (a number or digits), or a duration with a unit: <c>90m</c>, <c>2h</c>, <c>1.5h</c>.</summary>
    private static bool Walltime(JsonElement value, out TimeSpan walltime, ref Refusal? refusal)
    {
        walltime = TimeSpan.Zero;
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()?.Trim(),
            _ => null,
        };
        var parsed = text is not null && ApiDurations.TryParse(text, out walltime);
        if (parsed && walltime >= TimeSpan.FromSeconds(1))
        {
            return true;
        }

        return Refuse(new Refusal("walltime", "walltime must be seconds (7200) or a duration with a unit (\"2h\", \"90m\"), at least 1 s.", 400), ref refusal);
    }

    private static bool Mode(JsonElement value, out GlideinMode mode, ref Refusal? refusal)
    {
        mode = GlideinMode.Split;
        switch (value.ValueKind == JsonValueKind.String ? value.GetString() : null)
        {
            case "split":
                return true;
            case "pilot":
                mode = GlideinMode.Pilot;
                return true;
            default:
                return Refuse(new Refusal("mode", "mode must be \"split\" or \"pilot\".", 400), ref refusal);
        }
    }

    private static bool Attributes(JsonElement value, out ImmutableSortedDictionary<string, string> attributes, ref Refusal? refusal)
    {
        attributes = ImmutableSortedDictionary<string, string>.Empty;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Refuse(new Refusal("attributes", "attributes must be an object of attribute names to strings.", 400), ref refusal);
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in value.EnumerateObject())
        {
            var field = "attributes." + attribute.Name;
            var problem = GlideinAttributes.Problem(attribute.Name)
                ?? (attribute.Value.ValueKind != JsonValueKind.String ? "a value must be a JSON string" : GlideinAttributes.ValueProblem(attribute.Value.GetString()!))
                ?? (builder.ContainsKey(attribute.Name) ? $"'{attribute.Name}' is given twice (names are not case-sensitive)" : null)
                ?? (builder.Count >= GlideinAttributes.MaxCount ? $"at most {GlideinAttributes.MaxCount} attributes" : null);
            if (problem is not null)
            {
                return Refuse(new Refusal(field, problem, 400), ref refusal);
            }

            builder[attribute.Name] = attribute.Value.GetString()!;
        }

        attributes = builder.ToImmutable().WithComparers(StringComparer.Ordinal);
        return true;
    }

    private static bool Refuse(Refusal refused, ref Refusal? refusal)
    {
        refusal = refused;
        return false;
    }
}
