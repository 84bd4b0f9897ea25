namespace CondorActors.Server.Security;

/// <summary>
/// The scopes a token can carry. <c>admin</c> implies every scope; <c>jobs-admin</c> (act on any
/// job) implies <c>submit</c> (act on one's own jobs). Nothing else implies anything.
/// </summary>
internal static class ApiScopes
{
    public const string Read = "read";
    public const string Submit = "submit";
    public const string JobsAdmin = "jobs-admin";
    public const string Glideins = "glideins";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Submit, JobsAdmin, Glideins, Admin];

    /// <summary>True when a principal holding <paramref name="granted"/> may use <paramref name="required"/>.</summary>
    public static bool Grants(IEnumerable<string> granted, string required)
    {
        foreach (var scope in granted)
        {
            if (scope == required || scope == Admin || (scope == JobsAdmin && required == Submit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses <c>read,submit</c> (commas or spaces); unknown names are reported, duplicates dropped.</summary>
    public static IReadOnlyList<string> Parse(string text, out IReadOnlyList<string> unknown)
    {
        var names = text.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Validate(names, out unknown);
    }

    public static IReadOnlyList<string> Validate(IEnumerable<string> names, out IReadOnlyList<string> unknown)
    {
        var bad = new List<string>();
        var good = new List<string>();
        foreach (var name in names)
        {
            var normalized = name.Trim().ToLowerInvariant();
            if (!All.Contains(normalized))
            {
                bad.Add(name);
            }
            else if (!good.Contains(normalized))
            {
                good.Add(normalized);
            }
        }

        unknown = bad;
        return good;
    }
}
