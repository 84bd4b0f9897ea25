namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Matchmaking as the negotiator does it: an ad accepts another when its <c>Requirements</c>
/// evaluates to exactly <c>true</c> with MY = itself and TARGET = the other (undefined, error or a
/// non-boolean do not match; a missing Requirements does not match either).
/// </summary>
public static class ClassAdMatch
{
    /// <summary>The attribute matchmaking evaluates.</summary>
    public const string RequirementsAttribute = "Requirements";

    /// <summary>The attribute used to order acceptable matches.</summary>
    public const string RankAttribute = "Rank";

    /// <summary>True when <paramref name="ad"/>'s Requirements accept <paramref name="candidate"/>.</summary>
    public static bool Accepts(ClassAd ad, ClassAd candidate, ClassAdEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ad);
        ArgumentNullException.ThrowIfNull(candidate);
        return ad.Evaluate(RequirementsAttribute, candidate, options).IsTrue;
    }

    /// <summary>True when each ad's Requirements accept the other (a job and a slot match).</summary>
    public static bool Symmetric(ClassAd a, ClassAd b, ClassAdEvaluationOptions? options = null) =>
        Accepts(a, b, options) && Accepts(b, a, options);

    /// <summary>
    /// <paramref name="ad"/>'s Rank of <paramref name="candidate"/> as a number (booleans count
    /// 1/0); 0 when Rank is missing, undefined, an error or not a number, as the negotiator treats it.
    /// </summary>
    public static double Rank(ClassAd ad, ClassAd candidate, ClassAdEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ad);
        ArgumentNullException.ThrowIfNull(candidate);
        var rank = ad.Evaluate(RankAttribute, candidate, options);
        if (rank.TryGetNumber(out var value))
        {
            return double.IsNaN(value) ? 0 : value;
        }

        return rank.TryGetBoolean(out var b) && b ? 1 : 0;
    }
}
