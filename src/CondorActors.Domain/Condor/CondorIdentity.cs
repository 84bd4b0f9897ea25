using CondorActors.Domain.ClassAds;

namespace CondorActors.Domain.Condor;

/// <summary>
/// Attributes every projected ad keeps so the REST layer can name it (<c>jobid</c>, or
/// <c>name</c>/<c>type</c>). Both backends add them to any projection; callers strip what was not asked for.
/// </summary>
public static class CondorIdentity
{
    public static IReadOnlyList<string> JobAttributes { get; } = ["ClusterId", "ProcId"];

    public static IReadOnlyList<string> StatusAttributes { get; } = ["Name", "MyType"];

    /// <summary>The projection with the identity attributes added (case-insensitively, no duplicates), or null for whole ads.</summary>
    internal static IReadOnlyList<string>? WithIdentity(IReadOnlyList<string>? projection, IReadOnlyList<string> identity)
    {
        if (projection is null)
        {
            return null;
        }

        var result = new List<string>(projection.Count + identity.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in identity.Concat(projection))
        {
            if (!ClassAdExpression.IsValidAttributeName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid attribute name ([A-Za-z_][A-Za-z0-9_]*)", nameof(projection));
            }

            if (seen.Add(name))
            {
                result.Add(name);
            }
        }

        return result;
    }
}
