namespace CondorActors.Domain.ClassAds;

/// <summary>
/// A nested ad as a value: the ad and the scope it was created in, so that its attributes can
/// refer to attributes of the enclosing ad (ClassAd scoping rules).
/// </summary>
internal sealed class ClassAdRecord(ClassAd ad, EvalScope? parent)
{
    public ClassAd Ad { get; } = ad;

    public EvalScope? Parent { get; } = parent;
}
