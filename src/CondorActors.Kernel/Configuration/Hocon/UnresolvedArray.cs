namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>An array literal as parsed; elements may hold substitutions.</summary>
internal sealed class UnresolvedArray : HoconNode
{
    public UnresolvedArray(List<HoconNode> items, HoconOrigin origin)
        : base(origin)
    {
        Items = items;
        IsPlain = items.TrueForAll(UnresolvedObject.IsPlainNode);
    }

    public List<HoconNode> Items { get; }

    /// <summary>True when no element holds a substitution or concatenation (see <see cref="UnresolvedObject.IsPlain"/>).</summary>
    public bool IsPlain { get; }
}
