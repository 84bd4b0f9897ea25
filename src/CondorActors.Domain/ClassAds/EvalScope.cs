namespace CondorActors.Domain.ClassAds;

/// <summary>One level of the lexical scope chain: an ad and the scope enclosing it.</summary>
internal sealed class EvalScope(ClassAd ad, EvalScope? parent)
{
    public ClassAd Ad { get; } = ad;

    public EvalScope? Parent { get; } = parent;

    public EvalScope Root
    {
        get
        {
            var scope = this;
            while (scope.Parent is not null)
            {
                scope = scope.Parent;
            }

            return scope;
        }
    }
}
