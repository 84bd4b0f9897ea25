namespace CondorActors.Kernel.Configuration.Hocon;

/// <summary>An array literal as parsed; elements may hold substitutions.</summary>
internal sealed class UnresolvedArray : HoconNode
{
    public UnresolvedArray(List<HoconNode> items, HoconOrigin origin)
        : base(origin) => Items = items;

    public List<HoconNode> Items { get; }
}
